package dev.reasoningbank.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.tool.ToolCall;
import java.io.IOException;
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
}
