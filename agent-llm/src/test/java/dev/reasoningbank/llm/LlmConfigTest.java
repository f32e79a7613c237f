package dev.reasoningbank.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.core.reflect.RuleBasedReflector;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmConfigTest {

    @Test
    void should_default_to_a_local_ollama_with_a_small_model() {
        // when
        LlmConfig config = LlmConfig.fromEnvironment(Map.of());

        // then
        assertThat(config.provider()).isEqualTo(LlmProvider.OLLAMA);
        assertThat(config.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(config.model()).isEqualTo("qwen2.5:3b");
        assertThat(LlmConfig.isConfigured(Map.of())).isFalse();
    }

    @Test
    void should_read_openai_settings_and_never_print_the_key() {
        // when
        LlmConfig config = LlmConfig.fromEnvironment(Map.of("RB_LLM", "OpenAI", "OPENAI_API_KEY", "sk-secret-0123456789abcd",
                "OPENAI_BASE_URL", "http://localhost:1234/v1/", "OPENAI_MODEL", "qwen2.5-7b-instruct", "RB_LLM_TIMEOUT", "30"));

        // then
        assertThat(config.baseUrl()).isEqualTo("http://localhost:1234/v1");
        assertThat(config.label()).isEqualTo("openai/qwen2.5-7b-instruct");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.toString() + config.describe()).doesNotContain("sk-secret");
    }

    @Test
    void should_refuse_an_unknown_provider_listing_the_valid_ones() {
        // when / then
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("RB_LLM", "claude")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RB_LLM must be one of [ollama, openai] but was 'claude'");
    }

    @Test
    void should_refuse_openai_without_a_key() {
        // when / then
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("RB_LLM", "openai")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set OPENAI_API_KEY");
    }

    @Test
    void should_refuse_a_timeout_that_is_not_a_number_of_seconds() {
        // when / then
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("RB_LLM_TIMEOUT", "1m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RB_LLM_TIMEOUT must be a positive whole number of seconds");
    }

    @Test
    void should_build_the_reflector_from_the_environment_with_a_description_for_the_user() {
        // when
        LlmReflectors.Setup setup = LlmReflectors.fromEnvironment(Map.of("OLLAMA_MODEL", "llama3.2:3b"),
                RuleBasedReflector.ofDefaults());

        // then
        assertThat(setup.reflector().name()).isEqualTo("llm:ollama/llama3.2:3b");
        assertThat(setup.description()).contains("Ollama at http://localhost:11434", "llama3.2:3b", "RB_LLM not set",
                "falling back to the rules reflector");
        assertThat(setup.metrics().getNumberOfCalls()).isZero();
    }
}
