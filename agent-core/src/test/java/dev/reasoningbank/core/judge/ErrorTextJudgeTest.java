package dev.reasoningbank.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.tool.ToolCall;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorTextJudgeTest {

    private static final ToolCall CALL = ToolCall.of("weather", Map.of("city", "Atlantis"));

    @ParameterizedTest
    @ValueSource(strings = {"Error: unknown city 'Atlantis'", "ERROR - quota exhausted", "Failed to reach the weather service",
        "Could not find a city named Atlantis", "HTTP 404 Not Found", "404 Not Found", "Exception: timeout", "{\"error\":\"unknown city\"}"})
    void a_result_that_starts_like_an_error_is_a_failure(String result) {
        assertThat(OutcomeJudge.errorText().judge(CALL, result).success()).isFalse();
        assertThat(OutcomeJudge.errorText().judge(CALL, result).reason()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sunny, 21 °C", "404 people attended the event in Oslo", "Errors in the forecast are below 1 °C",
        "The error margin is 2 °C", "200 OK: sunny"})
    void an_ordinary_answer_is_a_success(String result) {
        assertThat(OutcomeJudge.errorText().judge(CALL, result).success()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error: unknown city 'Atlantis'", "Failed to reach the weather service"})
    void the_default_judge_does_not_read_text(String result) {
        assertThat(OutcomeJudge.ruleBased().judge(CALL, result).success()).isTrue();
    }
}
