package dev.reasoningbank.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void an_elasticsearch_error_gives_its_root_cause_as_well_as_its_summary() {
        ErrorBody body = ErrorBody.parse("""
                {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"size must be less than or equal to: [100] but was [900]"}],
                 "type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}""");
        assertThat(body.message()).isEqualTo("all shards failed: size must be less than or equal to: [100] but was [900]");
    }
}
