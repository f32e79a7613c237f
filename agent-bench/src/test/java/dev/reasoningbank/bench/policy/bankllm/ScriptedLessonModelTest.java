package dev.reasoningbank.bench.policy.bankllm;

import dev.reasoningbank.bench.BuiltInPrompts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reasoningbank.bench.scenario.ApiTools;
import dev.reasoningbank.bench.scenario.Fixture;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmProvider;
import dev.reasoningbank.llm.LlmReflector;
import dev.reasoningbank.llm.PromptTemplates;
import dev.reasoningbank.llm.StructuredChat;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scripted model, asked by agent-llm's LLM reflector over LangChain4j's Ollama client and the real wire format. */
class ScriptedLessonModelTest {

    private static final Duration SKIP_FOR = Duration.ofMinutes(10);
    private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
    private static final List<String> SOURCES = List.of(Fixture.CALENDAR_KEY_SOURCE, Fixture.REFUND_TOKEN_SOURCE);
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            ApiTools.WEATHER, ApiTools.weather().parameters(), ApiTools.CALENDAR, ApiTools.calendar().parameters(),
            ApiTools.SEARCH, ApiTools.search().parameters(), ApiTools.PAYMENTS, ApiTools.payments().parameters());

    private ScriptedOllamaServer server;

    @TempDir
    Path prompts;

    @BeforeEach
    void startServer() {
        server = ScriptedOllamaServer.start(new ScriptedLessonModel(SKIP_FOR));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LlmReflector reflector(PromptTemplates templates) {
        LlmConfig config = LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(server.baseUrl()).model(ScriptedLessonModel.MODEL)
                .timeout(Duration.ofSeconds(10)).maxRetries(0).build();
        return LlmReflector.builder(StructuredChat.of(config)).templates(templates).fallback(rules()).parameterSources(SOURCES).build();
    }

    private static RuleBasedReflector rules() {
        return Fixture.reflector(SKIP_FOR).build();
    }

    private static ReflectionContext context(String tool) {
        return new ReflectionContext(PARAMETERS.get(tool), List.of(), NOW, SOURCES);
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** One failure of each class, thrown as ApiTool throws it. */
    static Stream<Arguments> failures() {
        String weatherHost = Fixture.WEATHER_US;
        return Stream.of(
                Arguments.of("expired-credential", ApiTools.CALENDAR, args("apiKey", Fixture.EXPIRED_CALENDAR_KEY, "date", "2026-03-15"),
                        ToolException.http(401, "HTTP 401 from calendar.bench.local: API key has expired; create a new key in the console", Fixture.CALENDAR_HOST)),
                Arguments.of("insufficient-scope", ApiTools.PAYMENTS, args("token", Fixture.CHARGE_TOKEN, "operation", "refund", "amount", 20, "currency", "EUR"),
                        ToolException.http(403, "HTTP 403 from payments.bench.local: insufficient scope: refunds require payments:refund", Fixture.PAYMENTS_HOST)),
                Arguments.of("wrong-date-format", ApiTools.CALENDAR, args("apiKey", Fixture.CALENDAR_KEY, "date", "15/03/2026"),
                        ToolException.http(400, "HTTP 400 from calendar.bench.local: date must be in format YYYY-MM-DD", Fixture.CALENDAR_HOST)),
                Arguments.of("page-size-over-limit", ApiTools.SEARCH, args("endpoint", Fixture.SEARCH_V2, "q", "java", "limit", 250),
                        ToolException.http(400, "HTTP 400 from search.bench.local: limit must be <= 100", Fixture.SEARCH_HOST)),
                Arguments.of("case-sensitive-enum", ApiTools.WEATHER, args("host", weatherHost, "city", "Oslo", "unit", "celsius", "days", 3),
                        ToolException.http(400, "HTTP 400 from " + weatherHost + ": unit must be one of [CELSIUS, FAHRENHEIT]", weatherHost)),
                Arguments.of("missing-parameter-with-default", ApiTools.PAYMENTS, args("token", Fixture.CHARGE_TOKEN, "operation", "charge", "amount", 20),
                        ToolException.http(400, "HTTP 400 from payments.bench.local: currency is required (default: EUR)", Fixture.PAYMENTS_HOST)),
                Arguments.of("deprecated-endpoint", ApiTools.SEARCH, args("endpoint", Fixture.SEARCH_V1, "q", "java", "limit", 10),
                        ToolException.http(410, "HTTP 410 from search.bench.local: /v1/search is deprecated and no longer available; use /v2/search", Fixture.SEARCH_HOST)),
                Arguments.of("rate-limited", ApiTools.SEARCH, args("endpoint", Fixture.SEARCH_V2, "q", "java", "limit", 10),
                        new ToolException("HTTP 429 from search.bench.local: rate limit exceeded for this API key", 429, Duration.ofSeconds(2), Fixture.SEARCH_HOST, null)),
                Arguments.of("transient-server-error", ApiTools.PAYMENTS, args("token", Fixture.CHARGE_TOKEN, "operation", "charge", "amount", 20, "currency", "EUR"),
                        ToolException.http(503, "HTTP 503 from payments.bench.local: service temporarily unavailable", Fixture.PAYMENTS_HOST)),
                Arguments.of("timeout-on-oversized-request", ApiTools.WEATHER, args("host", weatherHost, "city", "Oslo", "unit", "CELSIUS", "days", 14),
                        new ToolException(weatherHost + " did not answer within 150 ms", 0, null, weatherHost, new HttpTimeoutException("request timed out"))),
                Arguments.of("unresolvable-region", ApiTools.WEATHER, args("host", Fixture.WEATHER_AP, "city", "Tokyo", "unit", "CELSIUS", "days", 3),
                        new ToolException("cannot resolve " + Fixture.WEATHER_AP + ": not found", 0, null, Fixture.WEATHER_AP, new UnknownHostException(Fixture.WEATHER_AP))),
                Arguments.of("host-down", ApiTools.WEATHER, args("host", Fixture.WEATHER_EU, "city", "Oslo", "unit", "CELSIUS", "days", 3),
                        new ToolException("cannot reach " + Fixture.WEATHER_EU + ": connection refused", 0, null, Fixture.WEATHER_EU, new ConnectException("Connection refused"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void should_write_the_lesson_the_rules_write_for_each_failure_class(String failureClass, String tool, Map<String, Object> arguments,
            ToolException error) {
        // given
        Failure failure = Failure.of(ToolCall.of(tool, arguments), error);
        LlmReflector reflector = reflector(PromptTemplates.classpath());

        // when
        Lesson fromModel = reflector.reflect(failure, context(tool)).orElseThrow();
        Lesson fromRules = rules().reflect(failure, context(tool)).orElseThrow();

        // then: the model's own lesson (no re-ask, no fallback), with the same strategy, trigger and expiry as the rules'
        assertThat(fromModel.provenance().reflector()).isEqualTo("llm:ollama/" + ScriptedLessonModel.MODEL);
        assertThat(reflector.metrics().getNumberOfCalls()).isEqualTo(1);
        assertThat(reflector.metrics().getNumberOfAcceptedAnswers()).isEqualTo(1);
        assertThat(fromModel.strategy()).isEqualTo(fromRules.strategy());
        assertThat(fromModel.trigger()).isEqualTo(fromRules.trigger());
        assertThat(fromModel.expiresAt()).isEqualTo(fromRules.expiresAt());
    }

    @Test
    void should_be_asked_over_the_ollama_wire_format_and_report_tokens() throws Exception {
        // given
        Failure failure = (Failure) failures().filter(a -> a.get()[0].equals("wrong-date-format"))
                .map(a -> Failure.of(ToolCall.of((String) a.get()[1], castMap(a.get()[2])), (ToolException) a.get()[3])).findFirst().orElseThrow();
        LlmReflector reflector = reflector(PromptTemplates.classpath());

        // when
        reflector.reflect(failure, context(ApiTools.CALENDAR));

        // then
        JsonNode request = new ObjectMapper().readTree(server.requestBodies().get(0));
        assertThat(request.get("model").asText()).isEqualTo(ScriptedLessonModel.MODEL);
        assertThat(request.get("stream").asBoolean()).isFalse();
        assertThat(request.get("format").get("properties").has("strategy")).as("the JSON schema is sent as format").isTrue();
        assertThat(request.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(request.get("messages").get(1).get("content").asText()).contains("error kind: VALIDATION", "date must be in format YYYY-MM-DD");
        String conversation = request.get("messages").get(0).get("content").asText() + "\n" + request.get("messages").get(1).get("content").asText();
        assertThat(reflector.metrics().getInputTokens()).isEqualTo(ScriptedLessonModel.tokens(conversation));
        assertThat(reflector.metrics().getOutputTokens()).isPositive();
    }

    @Test
    void should_invent_a_strategy_type_when_the_prompt_lacks_the_vocabulary_and_correct_it_when_re_asked() throws Exception {
        // given: the built-in reflect-failure template without the closed list of strategies
        String template = BuiltInPrompts.reflectFailure().replace("{{strategies}}", "(use your judgement)");
        Files.writeString(prompts.resolve("reflect-failure.txt"), template);
        Failure failure = Failure.of(ToolCall.of(ApiTools.SEARCH, args("endpoint", Fixture.SEARCH_V2, "q", "java", "limit", 10)),
                new ToolException("HTTP 429 from search.bench.local: rate limit exceeded for this API key", 429, Duration.ofSeconds(2),
                        Fixture.SEARCH_HOST, null));
        LlmReflector reflector = reflector(PromptTemplates.load(prompts));

        // when
        Optional<Lesson> lesson = reflector.reflect(failure, context(ApiTools.SEARCH));

        // then: first answer ExponentialBackoff (rejected), the re-ask lists the types, the second answer is valid
        assertThat(server.requestBodies()).hasSize(2);
        assertThat(new ObjectMapper().readTree(server.requestBodies().get(1)).get("messages").get(2).get("content").asText())
                .contains("\"type\":\"ExponentialBackoff\"");
        assertThat(reflector.metrics().getNumberOfReasks()).isEqualTo(1);
        assertThat(reflector.metrics().getNumberOfAcceptedAnswers()).isEqualTo(1);
        assertThat(lesson).get().satisfies(l -> {
            assertThat(l.provenance().reflector()).startsWith("llm:");
            assertThat(l.strategy()).isEqualTo(new Strategy.RetryWithBackoff(3, Duration.ofSeconds(2), 2.0));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
