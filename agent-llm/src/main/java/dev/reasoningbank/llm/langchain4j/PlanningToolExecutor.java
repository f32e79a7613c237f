package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.agent.Plan;
import dev.reasoningbank.core.bank.Feedback;
import dev.reasoningbank.core.judge.Verdict;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.reflect.ErrorClassifier;
import dev.reasoningbank.core.reflect.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wraps the executor of one tool: plans each call with the bank's lessons (replace a parameter, fix
 * an argument, switch to an alternative), skips a call to a host known to be down with an explanation
 * the model can act on, backs off and retries when a lesson says so, and tells the bank whether the
 * lessons it applied helped or hurt. A failure is rethrown (with the call that really ran) for the
 * error handler to learn from.
 */
final class PlanningToolExecutor implements ToolExecutor {

    private final Learning learning;

    PlanningToolExecutor(Learning learning) {
        this.learning = learning;
    }

    @Override
    public String execute(ToolExecutionRequest request, Object memoryId) {
        return executeWithContext(request, InvocationContext.builder().chatMemoryId(memoryId).build()).resultText();
    }

    @Override
    public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
        String taskId = Learning.taskId(context == null ? null : context.chatMemoryId());
        ToolCall call = ToolRegistry.callOf(request);
        Plan plan = learning.planner().plan(call, Learning.userText(context), learning.tools()::contains);
        learning.publish(new AgentEvent.Retrieved(taskId, plan.retrieved()));
        if (plan.skip().isPresent()) {
            Plan.Skip skip = plan.skip().get();
            learning.bank().recordApplied(skip.lesson().id());
            learning.publish(new AgentEvent.Skipped(taskId, skip.lesson(), skip.until()));
            return ToolExecutionResult.builder().isError(true).resultText(skip.explanation()).build();
        }
        List<String> applied = new ArrayList<>();
        for (Plan.AppliedLesson a : plan.applied()) {
            learning.bank().recordApplied(a.lesson().id());
            applied.add(a.lesson().id());
            learning.publish(new AgentEvent.Applied(taskId, a.lesson(), a.action()));
        }
        plan.probe().ifPresent(lesson -> learning.publish(new AgentEvent.Probing(taskId, lesson)));
        ToolCall planned = plan.call();
        ToolExecutionRequest plannedRequest = planned.equals(call) ? request : ToolRegistry.requestOf(planned, request);
        ToolExecutor target = learning.tools().get(planned.tool()).executor();
        int retries = 0;
        for (int attempt = 1; ; attempt++) {
            Throwable error;
            try {
                ToolExecutionResult result = target.executeWithContext(plannedRequest, context);
                Verdict verdict = result.isError() ? Verdict.failure(result.resultText())
                        : learning.judge().judge(planned, result.result() != null ? result.result() : result.resultText());
                if (verdict.success()) {
                    result = withoutInjectedSecrets(result, plan);
                    learning.publish(new AgentEvent.Executed(taskId, planned.tool(), attempt));
                    applied.forEach(id -> learning.bank().feedback(id, Feedback.HELPED));
                    learning.successes().succeeded(learning, taskId, planned,
                            result.result() != null ? result.result() : result.resultText(), !plan.applied().isEmpty());
                    return result;
                }
                error = new Failure.WrongResultException(verdict.reason());
            } catch (ToolArgumentsException badArguments) {
                throw badArguments;
            } catch (ToolExecutionException wrapped) {
                error = wrapped.getCause() != null ? wrapped.getCause() : wrapped;
            } catch (RuntimeException other) {
                error = other;
            }
            ErrorKind kind = ErrorClassifier.classify(error);
            Optional<Lesson> backoff = plan.retry().filter(l -> l.trigger().errorKind() == kind);
            if (backoff.isPresent() && retries < ((Strategy.RetryWithBackoff) backoff.get().strategy()).maxRetries()) {
                retries++;
                Failure failure = Failure.of(planned, error);
                learning.publish(new AgentEvent.Failed(taskId, failure));
                Duration delay = ((Strategy.RetryWithBackoff) backoff.get().strategy()).delayBefore(retries, failure.retryAfterHint());
                if (retries == 1) {
                    learning.bank().recordApplied(backoff.get().id());
                    applied.add(backoff.get().id());
                }
                learning.publish(new AgentEvent.Retrying(taskId, backoff.get(), retries, delay));
                if (sleep(delay)) {
                    continue;
                }
            }
            for (String id : applied) {
                learning.bank().lesson(id).filter(l -> l.trigger().errorKind() == kind)
                        .ifPresent(l -> learning.bank().feedback(id, Feedback.HURT));
            }
            throw new PlannedCallException(planned, error);
        }
    }

    /**
     * The result as the model may read it: a value a lesson injected from a parameter source (a fresh
     * credential the model never saw) is redacted if the tool echoes it.
     */
    private static ToolExecutionResult withoutInjectedSecrets(ToolExecutionResult result, Plan plan) {
        List<String> injected = new ArrayList<>();
        for (Plan.AppliedLesson a : plan.applied()) {
            if (a.lesson().strategy() instanceof Strategy.ReplaceParam replace) {
                Object value = plan.call().arguments().get(replace.parameter());
                if (value != null) {
                    injected.add(String.valueOf(value));
                }
            }
        }
        String text = result.resultText();
        if (injected.isEmpty() || text == null) {
            return result;
        }
        String redacted = Redactor.standard().withSecretValues(injected).redact(text);
        return redacted.equals(text) ? result : ToolExecutionResult.builder().isError(result.isError()).resultText(redacted).build();
    }

    private boolean sleep(Duration delay) {
        try {
            learning.sleeper().sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
