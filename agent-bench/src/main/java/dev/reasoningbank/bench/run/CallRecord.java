package dev.reasoningbank.bench.run;

import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import java.util.Map;
import java.util.Optional;

/**
 * One real tool call as the runner saw it.
 *
 * @param tool the tool called
 * @param host the host the call went to
 * @param arguments the arguments after the policy's planning (raw; never written out)
 * @param error what the tool threw, or {@code null} when it answered
 * @param nanos how long the tool took, I/O included
 */
public record CallRecord(String tool, String host, Map<String, Object> arguments, Throwable error, long nanos) {

    public boolean failed() {
        return error != null;
    }

    /** The failure, classified and redacted exactly as core does for the agent. */
    public Optional<Failure> failure() {
        return error == null ? Optional.empty() : Optional.of(Failure.of(new ToolCall(tool, arguments), error));
    }
}
