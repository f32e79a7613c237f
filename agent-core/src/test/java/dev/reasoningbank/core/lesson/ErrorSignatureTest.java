package dev.reasoningbank.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorSignatureTest {

    @Test
    void should_be_equal_for_the_same_mistake_with_other_values() {
        String a = ErrorSignature.of("HTTP 400: date '25/11/2026' must be in format yyyy-MM-dd (request 8f3a2b1c)");
        String b = ErrorSignature.of("HTTP 400: date '03/12/2027' must be in format yyyy-MM-dd (request 11aa22bb)");
        assertThat(a).isEqualTo(b).contains("must be in format yyyy-mm-dd").doesNotContain("2026");
    }

    @Test
    void should_tell_different_mistakes_apart() {
        assertThat(ErrorSignature.of("limit must be <= 100")).isNotEqualTo(ErrorSignature.of("date must be in format yyyy-MM-dd"));
    }

    @Test
    void should_fold_hosts_paths_and_secrets() {
        String signature = ErrorSignature.of("cannot reach eu.api.example.com via https://eu.api.example.com/v1 with [REDACTED:api-key]");
        assertThat(signature).isEqualTo("cannot reach <host> via <path> with <secret>");
    }

    @Test
    void should_stay_short() {
        assertThat(ErrorSignature.of("word ".repeat(10_000))).hasSizeLessThanOrEqualTo(ErrorSignature.MAX_LENGTH);
        assertThat(ErrorSignature.of(null)).isEmpty();
    }

    @Test
    void a_time_of_any_precision_is_one_value() {
        // Azure writes seven fractional digits; a second occurrence carries another time
        assertThat(ErrorSignature.of("throttled at timestamp = 2026-11-27T09:21:09.1234567Z, retry later"))
                .isEqualTo(ErrorSignature.of("throttled at timestamp = 2033-01-01T00:00:00Z, retry later"))
                .isEqualTo("throttled at timestamp = <id> , retry later");
    }
}
