package dev.reasoningbank.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a failure keeps of a tool's error is redacted with the context the raw text gave, not only as it is read out of it. */
class FailureRedactionTest {

    private static final ToolCall CALL = ToolCall.of("api", Map.of("entry", 1));

    @Test
    void a_secret_named_on_the_line_before_goes_from_the_message_read_as_one_line() {
        String spring = "HTTP 500 from api.example.com: APPLICATION FAILED TO START\n    Property: spring.datasource.password\n    Value: \"UprzYpQn4axDjMhQV8\"\n    Origin: application.yml";

        Failure failure = Failure.of(CALL, new IOException(spring));

        assertThat(failure.message()).contains("spring.datasource.password").doesNotContain("UprzYpQn4axDjMhQV8");
        assertThat(failure.toString()).doesNotContain("UprzYpQn4axDjMhQV8");
    }

    @Test
    void a_secret_named_by_its_element_on_another_line_goes_from_the_message_read_as_one_line() {
        String xml = "HTTP 500 from api.example.com: Operation (\"add\") failed - address: datasources\n  <security>\n"
                + "    <user-name>orders</user-name>\n    <password>sctAYLuxU8qdLxFtp8!</password>\n  </security>";

        Failure failure = Failure.of(CALL, new IOException(xml));

        assertThat(failure.toString()).doesNotContain("sctAYLuxU8qdLxFtp8!");
        assertThat(failure.message()).contains("orders");
    }

    @Test
    void a_secret_in_the_header_that_holds_the_error_goes_from_every_part_of_the_failure() {
        String header = "<Error><Message>bad login</Message><password>sctAYLuxU8qdLxFtp8!</password></Error>";

        Failure failure = Failure.of(CALL, ToolException.response(500, Map.of("x-error-message", List.of(header)), "", "api.example.com"));

        assertThat(failure.toString()).doesNotContain("sctAYLuxU8qdLxFtp8!");
        assertThat(failure.message()).contains("bad login");
    }

    @Test
    void a_body_that_holds_an_error_wins_over_a_header_that_names_one() {
        Failure failure = Failure.of(CALL, ToolException.response(400, Map.of("error", List.of("Bad Request")),
                "{\"message\":\"limit must be at most 100\"}", "api.example.com"));

        assertThat(failure.message()).isEqualTo("limit must be at most 100");
    }

    @Test
    void a_key_that_names_one_of_the_calls_parameters_stays_and_any_other_goes() {
        String litestar = "{\"status_code\":400,\"detail\":\"Validation failed for GET /bookings\","
                + "\"extra\":[{\"message\":\"Invalid RFC3339 encoded date\",\"key\":\"start_date\",\"source\":\"query\"}]}";
        Failure named = Failure.of(ToolCall.of("list_bookings", Map.of("start_date", "15-03-2024")), ToolException.http(400, litestar, "h"));
        assertThat(named.message()).isEqualTo("Validation failed for GET /bookings: start_date: Invalid RFC3339 encoded date");
        assertThat(named.errorField()).isEqualTo("start_date");
        // a key the server sends back that is none of the call's parameters is a secret, whatever it looks like
        String webhook = "{\"error\":\"Webhook already exists\",\"id\":\"wh_1\",\"key\":\"acme_webhook_signing\"}";
        Failure echoed = Failure.of(ToolCall.of("create_webhook", Map.of("url", "https://example.com/hook")), ToolException.http(409, webhook, "h"));
        assertThat(echoed.body() + echoed.trace() + echoed.message()).doesNotContain("acme_webhook_signing");
    }
}
