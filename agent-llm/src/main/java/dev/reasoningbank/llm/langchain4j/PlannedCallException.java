package dev.reasoningbank.llm.langchain4j;

import dev.reasoningbank.core.agent.Plan;
import java.util.List;
import dev.reasoningbank.core.tool.ToolCall;

/**
 * Carries the call that actually ran (after the planner rewrote it) from the tool executor to the
 * error handler, which receives this exception's cause as the error and this one as the raw error.
 */
final class PlannedCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ToolCall call;
    private final transient List<Plan.AppliedLesson> applied;

    PlannedCallException(ToolCall call, List<Plan.AppliedLesson> applied, Throwable cause) {
        super("the planned call of " + call.tool() + " failed", cause, false, false);
        this.call = call;
        this.applied = List.copyOf(applied);
    }

    ToolCall call() {
        return call;
    }

    /** The lessons the planner applied to the call, so that a lesson that did not work is refined. */
    List<Plan.AppliedLesson> applied() {
        return applied;
    }
}
