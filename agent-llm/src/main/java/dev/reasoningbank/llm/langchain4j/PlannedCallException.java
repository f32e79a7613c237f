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
    private final String advice;

    PlannedCallException(Plan plan, Throwable cause) {
        super("the planned call of " + plan.call().tool() + " failed", cause, false, false);
        this.call = plan.call();
        this.applied = plan.applied();
        this.advice = plan.adviceText();
    }

    ToolCall call() {
        return call;
    }

    /** The lessons the planner applied to the call, so that a lesson that did not work is refined. */
    List<Plan.AppliedLesson> applied() {
        return applied;
    }

    /** What other tools learned on the call's host that does not hold for it, for the model; empty if nothing. */
    String advice() {
        return advice;
    }
}
