package dev.reasoningbank.core.judge;

import dev.reasoningbank.core.tool.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a tool result that did not throw is a success. The default, {@link #ruleBased()},
 * fails a result that reports an error the way APIs that answer 200 do; an LLM judge in
 * {@code agent-llm} catches results that look fine but are wrong.
 */
@FunctionalInterface
public interface OutcomeJudge {

    Verdict judge(ToolCall call, @Nullable Object result);

    /** Every result that did not throw is a success, unless it is a map, JSON or XML that reports an error ({@code "error": ...}, {@code "success": false}, {@code status="failed"}...). */
    static OutcomeJudge ruleBased() {
        return RuleBasedJudge.INSTANCE;
    }

    /**
     * For tools that return errors as text: also a result that starts like an error ("Error: ...",
     * "Failed to ...", "HTTP 404 ...") is a failure, so that it is learned from. Opt-in.
     */
    static OutcomeJudge errorText() {
        return ErrorTextJudge.INSTANCE;
    }
}
