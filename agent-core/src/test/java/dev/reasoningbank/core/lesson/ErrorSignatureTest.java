package dev.reasoningbank.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    void a_fields_path_is_kept_as_words_and_a_host_of_any_common_domain_is_folded() {
        assertThat(ErrorSignature.of("production.dates.from: Invalid date encoding. Expected YYYY-MM-DD"))
                .isNotEqualTo(ErrorSignature.of("items.locations.createdDate.from: Invalid date encoding. Expected YYYY-MM-DD"))
                .startsWith("production.dates.from :");
        assertThat(ErrorSignature.of("dial tcp: lookup api.example.com: no such host"))
                .isEqualTo(ErrorSignature.of("dial tcp: lookup weather-us.bench.local: no such host"))
                .isEqualTo(ErrorSignature.of("dial tcp: lookup db.eu-west.internal: no such host"))
                .isEqualTo(ErrorSignature.of("dial tcp: lookup www.example.co.uk: no such host"))
                .isEqualTo(ErrorSignature.of("dial tcp: lookup redis.service.consul: no such host"))
                .isEqualTo("dial tcp : lookup <host> : no such host");
        assertThat(ErrorSignature.of("user.id: must not be null")).isNotEqualTo(ErrorSignature.of("group.id: must not be null"));
        assertThat(ErrorSignature.of("File report.pdf is too large")).isEqualTo(ErrorSignature.of("File photo.png is too large"));
    }

    @Test
    void the_host_a_call_went_to_is_folded_under_any_top_level_domain_and_a_localised_field_is_not() {
        assertThat(ErrorSignature.of("upstream api.acme.zone timed out", List.of(), List.of("api.acme.zone")))
                .isEqualTo(ErrorSignature.of("upstream eu.acme.zone timed out", List.of(), List.of("eu.acme.zone")))
                .isEqualTo("upstream <host> timed out");
        assertThat(ErrorSignature.of("upstream api.acme.zone timed out")).as("a host of an uncommon domain the call did not name")
                .isNotEqualTo(ErrorSignature.of("upstream eu.acme.zone timed out"));
        assertThat(ErrorSignature.of("upstream api.acme.zone timed out", List.of(), List.of("api.acme.zone:8443"))).as("a host with its port")
                .isEqualTo("upstream <host> timed out");
        // a domain under a country's code is a value, the call's or not
        assertThat(ErrorSignature.of("Domain acme.de is not verified")).isEqualTo(ErrorSignature.of("Domain shop.de is not verified"))
                .isEqualTo("domain <host> is not verified");
    }

    @Test
    void a_message_that_is_only_an_errors_tag_keeps_its_words() {
        assertThat(ErrorSignature.of("path/not_found/..")).isEqualTo("path/not_found");
        assertThat(ErrorSignature.of("path/not_found/..")).isNotEqualTo(ErrorSignature.of("path/conflict/file/.."));
        assertThat(ErrorSignature.of("folder reports/annual not found")).as("a path inside a sentence is a value")
                .isEqualTo(ErrorSignature.of("folder exports/weekly not found"));
        assertThat(ErrorSignature.of("users/alice")).as("a path of data alone is a value too").isEqualTo(ErrorSignature.of("users/bob"));
        assertThat(ErrorSignature.of("users/john_doe")).isEqualTo(ErrorSignature.of("users/jane_roe"));
        assertThat(ErrorSignature.of("to/conflict/file/..")).isEqualTo("to/conflict/file");
        assertThat(ErrorSignature.of("ab_c/".repeat(5000) + "x")).as("a long one is cut, never read whole").hasSizeLessThanOrEqualTo(ErrorSignature.MAX_LENGTH);
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
