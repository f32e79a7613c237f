package dev.reasoningbank.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolSetting;
import dev.reasoningbank.examples.demo.FlakyWeatherApi;
import dev.reasoningbank.llm.ChatModels;
import dev.reasoningbank.llm.FakeModelServer;
import dev.reasoningbank.llm.Fixtures;
import dev.reasoningbank.llm.langchain4j.LearningAiServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it in your LangChain4j agent" snippets, compiled and run as written: a model server
 * speaking the Ollama wire format calls a plain {@code @Tool} whose key expired, over real HTTP; the next
 * conversation runs with the fresh key. The README's blocks must be the tagged lines, character for character.
 */
class ReadmeLangChain4jTest {

    private static final String EXPIRED_KEY = "wk-expired-4f9c2a7e1b";
    private static final String VALID_KEY = "wk-live-8d3e6b0c5a";

    interface Assistant {
        String chat(@MemoryId String conversation, @UserMessage String message);
    }

    // tag::langchain4j-tool[]
    class WeatherTools {
        private final HttpClient http = HttpClient.newHttpClient();
        private final ToolSetting apiKey;    // read at call time: a lesson may rotate it
        private final ToolSetting baseUrl;   // a host that is down is skipped

        WeatherTools(ToolSetting apiKey, ToolSetting baseUrl) {
            this.apiKey = apiKey;
            this.baseUrl = baseUrl;
        }

        @Tool("Current weather of a city")
        String weather(String city) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/v1/weather?city=" + city))
                    .header("X-Api-Key", apiKey.get())
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IOException("weather API answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
    // end::langchain4j-tool[]

    @RegisterExtension
    final FakeModelServer model = new FakeModelServer();
    @TempDir
    Path dir;

    @Test
    void the_readme_shows_exactly_the_snippets_this_test_runs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/reasoningbank/examples/readme/ReadmeLangChain4jTest.java"), StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(Snippets.javaBlocks(readme)).contains(Snippets.tagged(source, "langchain4j-tool"), Snippets.tagged(source, "langchain4j"));
    }

    @Test
    void an_assistant_learns_to_rotate_the_key_its_tool_holds() throws Exception {
        script(Fixtures.ollamaToolCall("weather", Map.of("city", "Oslo")), Fixtures.ollamaAnswer("The key was rejected."),
                Fixtures.ollamaToolCall("weather", Map.of("city", "Oslo")), Fixtures.ollamaAnswer("Sunny in Oslo."));
        Map<String, String> env = Map.of("OLLAMA_BASE_URL", model.baseUrl());
        Path bankFile = dir.resolve("bank.json");
        String weatherKey = EXPIRED_KEY;
        String freshKey = VALID_KEY;
        try (FlakyWeatherApi api = FlakyWeatherApi.start(VALID_KEY)) {
            String weatherUrl = "http://127.0.0.1:" + api.port();
            // tag::langchain4j[]
            ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(bankFile)).build();
            Assistant assistant = LearningAiServices.builder(Assistant.class)
                    .chatModel(ChatModels.fromEnvironment(env))   // Ollama by default; RB_LLM=openai for an OpenAI-compatible server
                    .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
                    .tools(new WeatherTools(
                            ToolSetting.credential("weather.apiKey", weatherKey),   // the key the tool sends
                            ToolSetting.location("weather.baseUrl", weatherUrl)))   // where it sends it
                    .bank(bank)
                    .parameterSource(ParameterSource.of(Map.of("weather.apiKey", freshKey)))   // where a fresh key comes from
                    .build();
            // end::langchain4j[]

            assistant.chat("c1", "Weather in Oslo?");
            String answer = assistant.chat("c2", "Weather in Oslo now?");
            bank.close();

            assertThat(answer).isEqualTo("Sunny in Oslo.");
            assertThat(model.request(2)).contains("<lessons>");
            assertThat(model.requestBodies()).noneMatch(b -> b.contains(EXPIRED_KEY) || b.contains(VALID_KEY));
            assertThat(Files.readString(bankFile)).contains("ReplaceParam", "weather.apiKey").doesNotContain(EXPIRED_KEY).doesNotContain(VALID_KEY);
        }
    }

    private void script(String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            model.stubFor(post(urlEqualTo("/api/chat")).inScenario("model")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn " + i)
                    .willReturn(okJson(bodies[i])).willSetStateTo("turn " + (i + 1)));
        }
    }
}
