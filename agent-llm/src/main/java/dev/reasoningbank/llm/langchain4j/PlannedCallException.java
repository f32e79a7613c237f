package dev.reasoningbank.llm.langchain4j;

import dev.reasoningbank.core.tool.ToolCall;

/**
 * Carries the call that actually ran (after the planner rewrote it) from the tool executor to the
 * error handler, which receives this exception's cause as the error and this one as the raw error.
 */
final class PlannedCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ToolCall call;

    PlannedCallException(ToolCall call, Throwable cause) {
        super("the planned call of " + call.tool() + " failed", cause, false, false);
        this.call = call;
    }

    ToolCall call() {
        return call;
    }
}
