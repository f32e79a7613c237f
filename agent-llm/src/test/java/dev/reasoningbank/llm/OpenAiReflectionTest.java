package dev.reasoningbank.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiReflectionTest {

    private static final String SERVER_KEY = "sk-test-server-key-0123456789";

    @RegisterExtension
    final FakeModelServer wm = new FakeModelServer();
    private final ReasoningBank bank = ReasoningBank.inMemory();


    @Test
    void should_send_a_strict_json_schema_and_store_the_validated_lesson_without_leaking_the_secret() {
        // given
        wm.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + SERVER_KEY))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .willReturn(okJson(Fixtures.openAiAnswer(Fixtures.replaceKeyAnswer()))));
        LlmReflector reflector = LlmReflector.builder(StructuredChat.of(config()))
                .fallback(RuleBasedReflector.ofDefaults()).parameterSources(List.of("weather.apiKey")).build();

        // when
        Lesson lesson = reflector.reflect(Fixtures.expiredKeyFailure(), OllamaReflectionTest.context()).orElseThrow();
        bank.memorize(lesson);

        // then
        assertThat(wm.requestBodies()).hasSize(1);
        String body = wm.request(1);
        assertThat(body).doesNotContain(Fixtures.EXPIRED_KEY).doesNotContain(Fixtures.BEARER);
        JsonNode request = Fixtures.parse(body);
        assertThat(request.at("/model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.at("/response_format/type").asText()).isEqualTo("json_schema");
        JsonNode schema = request.at("/response_format/json_schema/schema");
        assertThat(schema.at("/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/strategy/properties/type/enum").toString()).contains("ReplaceParam", "SkipTask", "Advice");
        assertThat(schema.at("/properties/strategy/properties/source/enum").toString()).contains("weather.apiKey");
        assertThat(request.at("/messages/1/content").asText()).contains("<failure>", "[REDACTED:argument]");
        assertThat(bank.lessons()).singleElement().satisfies(l -> {
            assertThat(l.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
            assertThat(l.provenance().reflector()).isEqualTo("llm:openai/gpt-4o-mini");
        });
        assertThat(reflector.metrics().getTotalTokens()).isEqualTo(129);
    }

    @Test
    void should_fall_back_once_and_name_the_key_variable_when_the_server_rejects_the_key() {
        // given
        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + SERVER_KEY + "\",\"type\":\"invalid_request_error\"}}")));
        StructuredChat chat = StructuredChat.of(config());
        LlmReflector reflector = LlmReflector.builder(chat).build();

        // when
        Lesson first = reflector.reflect(Fixtures.expiredKeyFailure(), OllamaReflectionTest.context()).orElseThrow();
        reflector.reflect(Fixtures.expiredKeyFailure(), OllamaReflectionTest.context());

        // then
        assertThat(wm.requestBodies()).hasSize(1);
        assertThat(first.provenance().reflector()).isEqualTo("rules (fallback: authentication failed)");
        assertThat(chat.circuitOpenBecause()).get().extracting(ModelError::message).asString()
                .contains("OPENAI_API_KEY").doesNotContain(SERVER_KEY);
    }

    private LlmConfig config() {
        return LlmConfig.builder(LlmProvider.OPENAI).baseUrl(wm.baseUrl() + "/v1").apiKey(SERVER_KEY)
                .maxRetries(0).timeout(Duration.ofSeconds(5)).build();
    }
}
