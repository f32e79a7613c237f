package dev.reasoningbank.llm.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.MemoryId;
import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolSetting;
import dev.reasoningbank.llm.ChatModels;
import dev.reasoningbank.llm.FakeModelServer;
import dev.reasoningbank.llm.Fixtures;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An assistant whose {@code @Tool} methods take only business arguments: the API key and the base URL
 * live in the tools' own configuration, over real HTTP, with the default rules and one configuration of
 * the fresh key (its name in the parameter source).
 */
class ToolsWithTheirOwnSettingsTest {

    private static final String EXPIRED_KEY = "wk-expired-5f1e2d3c4b5a69788";
    private static final String FRESH_KEY = "wk-fresh-a1b2c3d4e5f60718293";

    interface Assistant {
        String chat(@MemoryId String conversation, @dev.langchain4j.service.UserMessage String message);
    }

    /** A weather API client as a user writes one: key and base URL injected, the client's failure turned into an exception. */
    static final class WeatherTools {
        private final HttpClient http = HttpClient.newHttpClient();
        private final ToolSetting apiKey;
        private final ToolSetting baseUrl;

        WeatherTools(ToolSetting apiKey, ToolSetting baseUrl) {
            this.apiKey = apiKey;
            this.baseUrl = baseUrl;
        }

        @Tool("Current weather of a city")
        String weather(String city) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/v1/current?city=" + city))
                    .header("X-Api-Key", apiKey.get()).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IOException("weather API answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    /** A status page on a host that is down. */
    static final class StatusTools {
        private final HttpClient http = HttpClient.newHttpClient();
        private final ToolSetting baseUrl;
        final AtomicInteger calls = new AtomicInteger();

        StatusTools(ToolSetting baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Tool("Whether the travel service is up")
        String status() throws IOException, InterruptedException {
            calls.incrementAndGet();
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + "/status")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @RegisterExtension
    final FakeModelServer model = new FakeModelServer();
    @TempDir
    Path dir;
    private HttpServer weatherApi;
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private final List<AgentEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startWeatherApi() throws IOException {
        weatherApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        weatherApi.createContext("/v1/current", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            keysSeen.add(key);
            boolean fresh = FRESH_KEY.equals(key);
            // the API echoes the rejected key, as many do
            byte[] body = (fresh ? "{\"city\":\"Paris\",\"sky\":\"sunny\"}"
                    : "{\"error\":{\"code\":\"key_expired\",\"message\":\"API key " + key + " has expired\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fresh ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        weatherApi.start();
    }

    @AfterEach
    void stopWeatherApi() {
        weatherApi.stop(0);
    }

    @Test
    void the_key_is_rotated_and_the_down_host_skipped_though_no_tool_takes_either_as_an_argument() throws Exception {
        // given
        String weatherUrl = "http://127.0.0.1:" + weatherApi.getAddress().getPort();
        String downUrl = "http://127.0.0.1:" + FakeModelServer.closedPort();
        StatusTools status = new StatusTools(ToolSetting.location("status.baseUrl", downUrl));
        model.scriptOllama(
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris")),
                Fixtures.ollamaAnswer("The weather service rejected the key."),
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris")),
                Fixtures.ollamaAnswer("It is sunny in Paris."),
                Fixtures.ollamaToolCall("status", Map.of()),
                Fixtures.ollamaAnswer("The travel service is down."),
                Fixtures.ollamaToolCall("status", Map.of()),
                Fixtures.ollamaAnswer("The travel service is still down."));
        Path bankFile = dir.resolve("bank.json");
        try (ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(bankFile)).build()) {
            Assistant assistant = LearningAiServices.builder(Assistant.class)
                    .chatModel(ChatModels.create(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(model.baseUrl()).maxRetries(0).build()))
                    .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
                    .tools(new WeatherTools(ToolSetting.credential("weather.apiKey", EXPIRED_KEY), ToolSetting.location("weather.baseUrl", weatherUrl)),
                            status)
                    .bank(bank)
                    .parameterSource(ParameterSource.of(Map.of("weather.apiKey", FRESH_KEY)))
                    .listener(events::add)
                    // a handler of the user's own that passes the raw error on (it echoes the key)
                    .toolExecutionErrorHandler((error, context) -> dev.langchain4j.service.tool.ToolErrorHandlerResult.text(
                            "The tool failed: " + error.getMessage()))
                    .build();

            // when: conversation 1 fails on the expired key, conversation 2 asks again
            assistant.chat("c1", "Weather in Paris?");
            String answer = assistant.chat("c2", "Weather in Paris now?");

            // then: the lesson rotated the key the tool holds, from the one configured source
            assertThat(bank.lessons()).extracting(l -> l.strategy()).contains(new Strategy.ReplaceParam("weather.apiKey", "weather.apiKey"));
            assertThat(keysSeen).containsExactly(EXPIRED_KEY, FRESH_KEY);
            assertThat(answer).isEqualTo("It is sunny in Paris.");

            // when: conversation 3 finds the status host down, conversation 4 asks again
            assistant.chat("c3", "Is the travel service up?");
            assistant.chat("c4", "Is it up now?");

            // then: the second call was skipped without a network call
            assertThat(status.calls).hasValue(1);
            assertThat(events).filteredOn(e -> e instanceof AgentEvent.Skipped).hasSize(1);
            assertThat(events).filteredOn(e -> e instanceof AgentEvent.Failed).as("one Failed per failure").hasSize(2);
        }

        // and no key is in any model request, event or the bank file
        for (String secret : List.of(EXPIRED_KEY, FRESH_KEY)) {
            assertThat(model.requestBodies()).noneMatch(body -> body.contains(secret));
            assertThat(events).noneMatch(e -> e.toString().contains(secret));
            assertThat(Files.readString(bankFile)).doesNotContain(secret);
        }
    }

    @Test
    void a_credential_must_be_named_as_one_and_a_location_as_one() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolSetting.credential("weather.main", "x"))
                .hasMessageContaining("'weather.main'").hasMessageContaining("weather.apiKey");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolSetting.location("weather.apiKey", "x"))
                .hasMessageContaining("baseUrl");
        assertThat(ToolSetting.credential("weather.apiKey", EXPIRED_KEY).toString()).doesNotContain(EXPIRED_KEY);
    }

}
