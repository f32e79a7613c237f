package dev.reasoningbank.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.judge.Verdict;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LlmJudgeAndSuccessTest {

    @RegisterExtension
    final FakeModelServer wm = new FakeModelServer();
    private StructuredChat chat;
    private final PromptTemplates templates = PromptTemplates.classpath();

    @BeforeEach
    void connect() {
        chat = StructuredChat.of(OllamaReflectionTest.config(wm.baseUrl()));
    }

    @Test
    void should_judge_an_http_200_with_an_error_body_a_failure() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(
                "{\"success\":false,\"reason\":\"The body reports that the quota is exhausted.\"}"))));
        LlmJudge judge = new LlmJudge(chat, templates);

        // when
        Verdict verdict = judge.judge(ToolCall.of("weather", Map.of("city", "Paris", "apiKey", Fixtures.EXPIRED_KEY)),
                "HTTP 200 OK: quota exhausted for key " + Fixtures.EXPIRED_KEY);

        // then
        assertThat(verdict.success()).isFalse();
        assertThat(verdict.reason()).contains("quota");
        String body = wm.request(1);
        assertThat(body).doesNotContain(Fixtures.EXPIRED_KEY).contains("quota exhausted", "\"success\"");
    }

    @Test
    void should_keep_the_rule_based_verdict_when_the_judge_model_fails() {
        // given
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(500)));
        LlmJudge judge = new LlmJudge(chat, templates);

        // when
        Verdict looksFine = judge.judge(ToolCall.of("weather", Map.of("city", "Paris")), "Sunny");
        Verdict obviousError = judge.judge(ToolCall.of("weather", Map.of("city", "Paris")), Map.of("status", 503));

        // then: the obvious error never reached the model
        assertThat(looksFine.success()).isTrue();
        assertThat(obviousError.success()).isFalse();
        assertThat(wm.requestBodies()).hasSize(1);
    }

    @Test
    void should_distil_lessons_from_a_success_that_needed_a_fix() {
        // given
        String answer = "{\"lessons\":[" + withFailure(Fixtures.replaceKeyAnswer(), 1) + "]}";
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(answer))));
        SuccessReflector reflector = new SuccessReflector(chat, templates, List.of("weather.apiKey"));
        Failure failure = Fixtures.expiredKeyFailure();
        Map<String, Object> fixed = new LinkedHashMap<>(Map.of("city", "Paris", "apiKey", "sk-fresh-9876543210fedcba"));

        // when
        List<Lesson> lessons = reflector.reflect(SuccessTrajectory.of("Weather in Paris", List.of(failure),
                ToolCall.of("weather", fixed), "Sunny"), OllamaReflectionTest.context());

        // then
        assertThat(lessons).singleElement().satisfies(l -> {
            assertThat(l.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
            assertThat(l.provenance().reflector()).isEqualTo("llm:ollama/qwen2.5:3b (success)");
        });
        String body = wm.request(1);
        assertThat(body).doesNotContain("sk-fresh-9876543210fedcba").doesNotContain(Fixtures.EXPIRED_KEY)
                .contains("arguments changed since the last failure: apiKey");
    }

    @Test
    void should_reask_when_a_success_reflection_returns_more_than_three_lessons() {
        // given
        String one = withFailure(Fixtures.replaceKeyAnswer(), 1);
        wm.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(Fixtures.ollamaAnswer(
                "{\"lessons\":[" + String.join(",", one, one, one, one) + "]}"))));
        SuccessReflector reflector = new SuccessReflector(chat, templates, List.of());

        // when
        List<Lesson> lessons = reflector.reflect(SuccessTrajectory.of("t", List.of(Fixtures.expiredKeyFailure()),
                ToolCall.of("weather", Map.of("city", "Paris")), "Sunny"), OllamaReflectionTest.context());

        // then
        assertThat(lessons).isEmpty();
        assertThat(wm.requestBodies()).hasSize(3);
        assertThat(wm.request(3)).contains("at most 3 lessons but held 4");
    }

    private static String withFailure(String lessonJson, int failure) {
        return "{\"failure\":" + failure + "," + lessonJson.substring(1);
    }
}
