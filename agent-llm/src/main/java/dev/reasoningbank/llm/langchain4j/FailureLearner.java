package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.service.tool.ToolArgumentsErrorHandler;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.reasoningbank.core.agent.AgentEvent;

import dev.reasoningbank.core.agent.Plan;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;

import dev.reasoningbank.core.tool.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tool error handlers of a learning AI service: turn the error into a redacted {@link Failure},
 * reflect on it unless the bank already has a lesson for it (then only its counters change), memorize
 * the lesson, and answer the model with the redacted error and the lesson.
 */
final class FailureLearner {

    private final Learning learning;

    FailureLearner(Learning learning) {
        this.learning = learning;
    }

    /** For {@code toolExecutionErrorHandler}: the tool ran and failed. */
    ToolErrorHandlerResult onExecutionError(Throwable error, ToolErrorContext context) {
        return Learning.within(context.invocationContext(), () -> learnFromExecution(error, context));
    }

    private ToolErrorHandlerResult learnFromExecution(Throwable error, ToolErrorContext context) {
        PlannedCallException planned = context.rawError() instanceof PlannedCallException p ? p : null;
        ToolCall call = planned != null ? planned.call() : ToolRegistry.callOf(context.toolExecutionRequest());
        String learned = learnFrom(Failure.of(call, error), context.memoryId(), planned == null ? List.of() : planned.applied(), planned == null);
        return ToolErrorHandlerResult.text(planned == null || planned.advice().isEmpty() ? learned : learned + "\n" + planned.advice());
    }

    /** What the model reads when the user has a handler of their own: its text, then what was learned. */
    ToolErrorHandlerResult then(ToolErrorHandlerResult learned, @Nullable ToolExecutionErrorHandler user, Throwable error, ToolErrorContext context) {
        return user == null ? learned : ToolErrorHandlerResult.text(redacted(user.handle(error, context).text(), context) + "\n" + learned.text());
    }

    /**
     * The user's handler's text as the model may read it: it saw the raw error, which may echo a credential
     * the call carried (one a lesson injected, one the tool holds), so every secret-named value of the call goes.
     */
    private static String redacted(String text, ToolErrorContext context) {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        ToolCall call = context.rawError() instanceof PlannedCallException planned ? planned.call() : ToolRegistry.callOf(context.toolExecutionRequest());
        call.arguments().forEach((name, value) -> {
            if (value != null && dev.reasoningbank.core.redact.Redactor.isSecretName(name)) {
                secrets.add(String.valueOf(value));
            }
        });
        return dev.reasoningbank.core.redact.Redactor.standard().withSecretValues(secrets).redact(text);
    }

    /** As {@link #then(ToolErrorHandlerResult, ToolExecutionErrorHandler, Throwable, ToolErrorContext)}, for unusable arguments. */
    ToolErrorHandlerResult then(ToolErrorHandlerResult learned, @Nullable ToolArgumentsErrorHandler user, Throwable error, ToolErrorContext context) {
        return user == null ? learned : ToolErrorHandlerResult.text(redacted(user.handle(error, context).text(), context) + "\n" + learned.text());
    }

    /** For {@code toolArgumentsErrorHandler}: the model's arguments could not be used. */
    ToolErrorHandlerResult onArgumentsError(Throwable error, ToolErrorContext context) {
        return Learning.within(context.invocationContext(), () -> learnFromArguments(error, context));
    }

    private ToolErrorHandlerResult learnFromArguments(Throwable error, ToolErrorContext context) {
        Failure failure = Failure.of(ToolRegistry.callOf(context.toolExecutionRequest()), error);
        return ToolErrorHandlerResult.text("Invalid arguments. " + learnFrom(failure, context.memoryId(), List.of(), true));
    }

    /** @param unpublished whether the failure is news to the listeners (the planner's runner publishes the ones it ran) */
    private String learnFrom(Failure failure, Object memoryId, List<Plan.AppliedLesson> applied, boolean unpublished) {
        String taskId = Learning.taskId(memoryId);
        if (unpublished) {
            learning.publish(new AgentEvent.Failed(taskId, failure));
        }
        learning.successes().failed(taskId, failure);
        Optional<Lesson> lesson = learning.loop().learn(taskId, failure, learning.tools().parameters(failure.tool()), applied);
        return message(failure, lesson);
    }

    /** What the model reads: the redacted error, then the lesson and what happens next. */
    static String message(Failure failure, Optional<Lesson> lesson) {
        String error = "Tool " + failure.summary();
        if (lesson.isEmpty()) {
            return error;
        }
        Lesson l = lesson.get();
        Strategy s = l.strategy();
        if (l.status() == LessonStatus.UNFIXABLE) {
            return error + "\n" + l.content();
        }
        String next = s.nextStep();
        return error + "\nLesson " + l.id() + " (" + s.type() + "): " + l.content().replaceAll("\\s+", " ").strip() + "\n" + next;
    }
}
