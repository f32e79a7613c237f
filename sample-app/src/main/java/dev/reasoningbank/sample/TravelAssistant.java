package dev.reasoningbank.sample;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolSetting;
import dev.reasoningbank.llm.ChatModels;
import dev.reasoningbank.llm.langchain4j.LearningAiServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** A travel assistant whose weather tool holds its own key and base URL; run with RB_LLM=openai and OPENAI_BASE_URL. */
public interface TravelAssistant {

    String chat(@MemoryId String traveller, @UserMessage String message);

    /** The weather tool, written the plain way. */
    final class WeatherTools {
        private final HttpClient http = HttpClient.newHttpClient();
        private final ToolSetting apiKey;
        private final ToolSetting baseUrl;

        public WeatherTools(ToolSetting apiKey, ToolSetting baseUrl) {
            this.apiKey = apiKey;
            this.baseUrl = baseUrl;
        }

        @Tool("Current weather of a city")
        public String weather(String city) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + "/v1/weather?city=" + city))
                    .header("X-Api-Key", apiKey.get()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IOException("weather API answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    /** The assistant the environment describes: the model, the weather API and its keys. */
    static TravelAssistant create(Map<String, String> env, ReasoningBank bank) {
        return LearningAiServices.builder(TravelAssistant.class)
                .chatModel(ChatModels.fromEnvironment(env))
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
                .tools(new WeatherTools(ToolSetting.credential("weather.apiKey", env.getOrDefault("WEATHER_API_KEY", "")),
                        ToolSetting.location("weather.baseUrl", env.getOrDefault("WEATHER_BASE_URL", "http://localhost:8080"))))
                .bank(bank)
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", env.getOrDefault("WEATHER_FRESH_API_KEY", ""))))
                .build();
    }

    static void main(String[] args) throws Exception {
        try (ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(Path.of("bank.json"))).build()) {
            System.out.println(create(System.getenv(), bank).chat("me", String.join(" ", args)));
        }
    }
}
