package dev.reasoningbank.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reasoningbank.core.bank.MemorizeResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaReflectionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @RegisterExtension
    final FakeModelServer wm = new FakeModelServer();
    private final ReasoningBank bank = ReasoningBank.inMemory();
    private final RuleBasedReflector rules = RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").build();


    @Test
    void should_store_the_validated_lesson_and_send_schema_vocabulary_and_redacted_trace_but_no_secret() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.format.properties.strategy"))
                .willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.replaceKeyAnswer()))));
        LlmReflector reflector = reflector(config(wm.baseUrl()));
        Failure failure = Fixtures.expiredKeyFailure();

        // when
        Optional<Lesson> lesson = reflector.reflect(failure, context());
        MemorizeResult stored = bank.memorize(lesson.orElseThrow());

        // then
        String body = onlyRequestBody();
        assertThat(body).doesNotContain(Fixtures.EXPIRED_KEY).doesNotContain(Fixtures.BEARER)
                .contains("[REDACTED:argument]").contains("<failure>").contains("Invalid API key");
        JsonNode request = Fixtures.parse(body);
        assertThat(request.at("/model").asText()).isEqualTo("qwen2.5:3b");
        assertThat(enumOf(request.at("/format/properties/strategy/properties/type")))
                .containsExactlyElementsOf(Strategy.NAMES);
        assertThat(enumOf(request.at("/format/properties/strategy/properties/parameter"))).containsExactly("city", "apiKey", "");
        assertThat(request.at("/messages/0/content").asText()).contains("ReplaceParam", "SkipTask", "RetryWithBackoff",
                "UseAlternative", "FixArgument", "Advice", "exactly these parameters: city, apiKey");
        Lesson learned = stored.lesson();
        assertThat(stored.created()).isTrue();
        assertThat(learned.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
        assertThat(learned.trigger().conditions()).containsExactly(
                new ArgumentCondition("apiKey", ArgumentCondition.Op.FINGERPRINT, failure.fingerprints().get("apiKey")));
        assertThat(learned.provenance().reflector()).isEqualTo("llm:ollama/qwen2.5:3b");
        assertThat(bank.lessons()).extracting(Lesson::title).containsExactly("Use the rotated weather key");
        assertThat(reflector.metrics().getNumberOfCalls()).isEqualTo(1);
        assertThat(reflector.metrics().getInputTokens()).isEqualTo(140);
        assertThat(reflector.metrics().getOutputTokens()).isEqualTo(12);
    }

    @Test
    void should_reask_with_the_problems_when_the_answer_is_not_json() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).inScenario("reask").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(Fixtures.ollamaAnswer("Sure! Here is the lesson: use another key."))).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo("/api/chat")).inScenario("reask").whenScenarioStateIs("second")
                .willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.replaceKeyAnswer()))));
        LlmReflector reflector = reflector(config(wm.baseUrl()));

        // when
        Optional<Lesson> lesson = reflector.reflect(Fixtures.expiredKeyFailure(), context());

        // then
        List<String> bodies = wm.requestBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1)).contains("Your answer was rejected").contains("not a JSON object");
        assertThat(lesson).map(l -> l.provenance().reflector()).contains("llm:ollama/qwen2.5:3b");
        assertThat(reflector.metrics().getNumberOfReasks()).isEqualTo(1);
    }

    @Test
    void should_fall_back_to_rules_after_two_reasks_when_the_answer_violates_the_schema() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer("{\"title\":\"Use another key\",\"strategy\":\"ReplaceParam\"}"))));
        LlmReflector reflector = reflector(config(wm.baseUrl()));

        // when
        Optional<Lesson> lesson = reflector.reflect(Fixtures.expiredKeyFailure(), context());

        // then
        List<String> bodies = wm.requestBodies();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(2)).contains("content is missing").contains("strategy must be an object");
        assertThat(lesson).isPresent();
        assertThat(lesson.get().provenance().reflector()).isEqualTo("rules (fallback: invalid answer)");
        assertThat(lesson.get().title()).isNotEqualTo("Use another key");
        assertThat(reflector.metrics().getNumberOfFallbacks()).isEqualTo(1);
    }

    @Test
    void should_reask_when_the_strategy_is_not_in_the_vocabulary() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).inScenario("vocabulary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.lessonAnswer("Run a shell fix", "RunCommand", "apiKey", "", null))))
                .willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo("/api/chat")).inScenario("vocabulary").whenScenarioStateIs("second")
                .willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.replaceKeyAnswer()))));
        LlmReflector reflector = reflector(config(wm.baseUrl()));

        // when
        Optional<Lesson> lesson = reflector.reflect(Fixtures.expiredKeyFailure(), context());

        // then
        List<String> bodies = wm.requestBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1)).contains("strategy.type must be one of [ReplaceParam");
        assertThat(lesson.orElseThrow().strategy()).isInstanceOf(Strategy.ReplaceParam.class);
    }

    @Test
    void should_never_store_a_lesson_on_a_parameter_the_tool_does_not_have() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(
                Fixtures.lessonAnswer("Replace the token", "ReplaceParam", "token", "weather.apiKey", null)))));
        LlmReflector reflector = reflector(config(wm.baseUrl()));

        // when
        Lesson lesson = reflector.reflect(Fixtures.expiredKeyFailure(), context()).orElseThrow();
        bank.memorize(lesson);

        // then
        assertThat(wm.requestBodies()).hasSize(3).last().asString()
                .contains("ReplaceParam.parameter names 'token', which is not a parameter of the tool");
        assertThat(bank.lessons()).hasSize(1).allSatisfy(l -> {
            assertThat(l.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
            assertThat(l.provenance().reflector()).startsWith("rules (fallback:");
        });
    }

    @Test
    void should_never_let_a_model_put_a_credential_into_another_parameter_or_send_calls_to_another_host() {
        // given a model that answers first with a key moved into 'city', then with a redirection to its own host
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(
                Fixtures.lessonAnswer("Send the key as city", "ReplaceParam", "city", "weather.apiKey", null)))));
        LlmReflector reflector = reflector(config(wm.baseUrl()));
        java.util.Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put("host", "api.weather.example");
        arguments.put("city", "Paris");
        arguments.put("apiKey", Fixtures.EXPIRED_KEY);
        dev.reasoningbank.core.failure.Failure failure = dev.reasoningbank.core.failure.Failure.of(
                dev.reasoningbank.core.tool.ToolCall.of("weather", arguments),
                dev.reasoningbank.core.tool.ToolException.http(401, "key expired", "api.weather.example"));
        dev.reasoningbank.core.reflect.ReflectionContext context = new dev.reasoningbank.core.reflect.ReflectionContext(
                List.of("host", "city", "apiKey"), List.of(), NOW, List.of("weather.apiKey"));

        // when
        Lesson moved = reflector.reflect(failure, context).orElseThrow();
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(
                Fixtures.lessonAnswer("Use my host", "UseAlternative", "host", "", null).replace("\"value\":\"\"", "\"value\":\"evil.example\"")))));
        Lesson redirected = reflector.reflect(failure, context).orElseThrow();

        // then both answers were refused after two re-asks, and the rules answered instead
        assertThat(moved.provenance().reflector()).startsWith("rules (fallback:");
        assertThat(redirected.provenance().reflector()).startsWith("rules (fallback:");
        assertThat(redirected.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
        assertThat(wm.requestBodies()).hasSize(3).last().asString().contains("may change where a call goes ('evil.example') only to a successor on the same host");
    }

    @Test
    void should_fall_back_to_rules_on_http_500_without_reasking() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"llama runner process has terminated\"}")));
        LlmReflector reflector = reflector(config(wm.baseUrl()));

        // when
        Optional<Lesson> first = reflector.reflect(Fixtures.expiredKeyFailure(), context());
        Optional<Lesson> second = reflector.reflect(Fixtures.expiredKeyFailure(), context());

        // then: a server error is transient, so the model is asked again for the next failure
        assertThat(wm.requestBodies()).hasSize(2);
        assertThat(first.orElseThrow().provenance().reflector()).isEqualTo("rules (fallback: server error)");
        assertThat(second).isPresent();
        assertThat(reflector.metrics().getNumberOfFailedCalls()).isEqualTo(2);
    }

    @Test
    void should_fall_back_to_rules_when_ollama_does_not_answer_in_time() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.replaceKeyAnswer())).withFixedDelay(1_500)));
        LlmReflector reflector = reflector(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(wm.baseUrl()).maxRetries(0)
                .timeout(Duration.ofMillis(300)).build());

        // when
        Optional<Lesson> lesson = reflector.reflect(Fixtures.expiredKeyFailure(), context());

        // then
        assertThat(wm.requestBodies()).hasSize(1);
        assertThat(lesson.orElseThrow().provenance().reflector()).isEqualTo("rules (fallback: timeout)");
    }

    @Test
    void should_fall_back_to_rules_when_ollama_is_unreachable_and_not_call_it_again() throws IOException {
        // given
        LlmReflector reflector = reflector(config("http://127.0.0.1:" + FakeModelServer.closedPort()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;

        // when
        Optional<Lesson> first;
        Optional<Lesson> second;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            first = reflector.reflect(Fixtures.expiredKeyFailure(), context());
            second = reflector.reflect(Fixtures.expiredKeyFailure(), context());
        } finally {
            System.setErr(stderr);
        }

        // then
        assertThat(first.orElseThrow().provenance().reflector()).isEqualTo("rules (fallback: unreachable)");
        assertThat(second.orElseThrow().provenance().reflector()).isEqualTo("rules (fallback: unreachable)");
        assertThat(reflector.metrics().getNumberOfCalls()).isEqualTo(1);
        String warnings = log.toString(StandardCharsets.UTF_8);
        assertThat(warnings.lines().filter(l -> l.contains("WARN"))).hasSize(1).first().asString()
                .contains("is unreachable").contains("ollama serve").contains("ollama pull qwen2.5:3b")
                .contains("not calling ollama/qwen2.5:3b for 5 minutes");
    }

    @Test
    void should_try_the_model_again_after_the_cool_down_and_close_the_circuit_when_it_answers() {
        // given a model that is not there yet
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}")));
        dev.reasoningbank.core.agent.ManualClock clock = new dev.reasoningbank.core.agent.ManualClock(java.time.Instant.parse("2026-11-27T10:00:00Z"));
        StructuredChat chat = StructuredChat.of(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(wm.baseUrl()).model("x").maxRetries(0).build())
                .withClock(clock);
        LlmReflector reflector = LlmReflector.builder(chat).fallback(rules).parameterSources(List.of("weather.apiKey")).build();
        reflector.reflect(Fixtures.expiredKeyFailure(), context());
        reflector.reflect(Fixtures.expiredKeyFailure(), context());
        assertThat(wm.requestBodies()).as("open: the second reflection does not call the model").hasSize(1);

        // when the model has been pulled and the cool-down is over
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.replaceKeyAnswer()))));
        clock.advance(java.time.Duration.ofMinutes(5));
        Optional<Lesson> back = reflector.reflect(Fixtures.expiredKeyFailure(), context());
        Optional<Lesson> after = reflector.reflect(Fixtures.expiredKeyFailure(), context());

        // then the half-open call reaches it, and the circuit stays closed
        assertThat(back.orElseThrow().provenance().reflector()).startsWith("llm:");
        assertThat(after.orElseThrow().provenance().reflector()).startsWith("llm:");
        assertThat(wm.requestBodies()).hasSize(2);
    }

    @Test
    void should_fall_back_to_rules_when_ollama_does_not_have_the_model_and_remember_it() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}")));
        StructuredChat chat = StructuredChat.of(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(wm.baseUrl()).model("x").maxRetries(0).build());
        LlmReflector reflector = LlmReflector.builder(chat).fallback(rules).build();

        // when
        Optional<Lesson> first = reflector.reflect(Fixtures.expiredKeyFailure(), context());
        Optional<Lesson> second = reflector.reflect(Fixtures.expiredKeyFailure(), context());

        // then
        assertThat(wm.requestBodies()).hasSize(1);
        assertThat(first.orElseThrow().provenance().reflector()).isEqualTo("rules (fallback: unknown model)");
        assertThat(second).isPresent();
        assertThat(chat.circuitOpenBecause()).get().extracting(ModelError::message).asString()
                .contains("has no model 'x'").contains("ollama pull x");
    }

    private LlmReflector reflector(LlmConfig config) {
        return LlmReflector.builder(StructuredChat.of(config)).fallback(rules).parameterSources(List.of("weather.apiKey")).build();
    }

    static LlmConfig config(String baseUrl) {
        return LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(baseUrl).maxRetries(0).timeout(Duration.ofSeconds(5)).build();
    }

    static ReflectionContext context() {
        return new ReflectionContext(Fixtures.WEATHER_PARAMETERS, List.of(), NOW);
    }


    private String onlyRequestBody() {
        List<String> bodies = wm.requestBodies();
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }


    private static List<String> enumOf(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }
}
