package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.reasoningbank.core.agent.Plan;
import dev.reasoningbank.core.agent.PlanRunner;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the executor of one tool: plans each call with the bank's lessons (replace a parameter, fix
 * an argument, switch to an alternative) and runs the plan with core's {@link PlanRunner} (skip a host
 * known to be down with an explanation the model can act on, back off, feed the lessons' counters).
 * A failure is rethrown (with the call that really ran) for the error handler to learn from.
 */
final class PlanningToolExecutor implements ToolExecutor {

    private final Learning learning;
    /** The tools a provider offered for this request (they win over registered ones of the same name); empty otherwise. */
    private final java.util.Map<String, ToolRegistry.Entry> offered;

    PlanningToolExecutor(Learning learning) {
        this(learning, java.util.Map.of());
    }

    PlanningToolExecutor(Learning learning, java.util.Map<String, ToolRegistry.Entry> offered) {
        this.learning = learning;
        this.offered = java.util.Map.copyOf(offered);
    }

    private ToolRegistry.@Nullable Entry tool(String name) {
        ToolRegistry.Entry own = offered.get(name);
        return own != null ? own : learning.tools().get(name);
    }

    private boolean exists(String name) {
        return offered.containsKey(name) || learning.tools().contains(name);
    }

    @Override
    public String execute(ToolExecutionRequest request, Object memoryId) {
        return executeWithContext(request, InvocationContext.builder().chatMemoryId(memoryId).build()).resultText();
    }

    @Override
    public ToolExecutionResult executeWithContext(ToolExecutionRequest request, @Nullable InvocationContext context) {
        return Learning.within(context, () -> planAndRun(request, context));
    }

    private ToolExecutionResult planAndRun(ToolExecutionRequest request, @Nullable InvocationContext context) {
        String taskId = Learning.taskId(context == null ? null : context.chatMemoryId());
        ToolCall call = ToolRegistry.callOf(request);
        ToolRegistry.Entry tool = tool(request.name());
        // lessons see the settings the tool holds (its key, its base URL) as arguments; the tool never does
        Plan plan = learning.loop().plan(tool == null ? call : tool.withSettings(call), Learning.userText(context), this::exists);
        AtomicReference<ToolExecutionResult> last = new AtomicReference<>();
        PlanRunner.Run run = learning.loop().execute(taskId, plan, planned -> {
            // a plan switches only to a tool that exists for this request
            ToolRegistry.Entry target = Objects.requireNonNull(tool(planned.tool()),
                    () -> "the planned tool " + planned.tool() + " is not registered");
            ToolCall arguments = target.withoutSettings(planned, tool == null ? java.util.List.of() : tool.settings());
            ToolExecutionRequest plannedRequest = arguments.equals(call) ? request : ToolRegistry.requestOf(arguments, request);
            ToolExecutionResult result;
            try {
                result = ToolSetting.during(target.settingValues(planned), () -> target.executor().executeWithContext(plannedRequest, context));
            } catch (ToolExecutionException wrapped) {
                throw wrapped.getCause() instanceof Exception cause ? cause : wrapped;
            }
            if (result.isError()) {
                throw new Failure.WrongResultException(result.resultText());
            }
            last.set(result);
            return result.result() != null ? result.result() : result.resultText();
        }, ToolArgumentsException.class);
        return switch (run.outcome()) {
            case SKIPPED -> ToolExecutionResult.builder().isError(true).resultText(plan.skip().orElseThrow().explanation()).build();
            case REFUSED -> ToolExecutionResult.builder().isError(true).resultText(plan.refusalExplanation().orElseThrow()).build();
            case SUCCEEDED -> {
                learning.successes().succeeded(learning, taskId, plan.call(), run.value(), !plan.applied().isEmpty());
                yield withoutInjectedSecrets(Objects.requireNonNull(last.get(), "a call that succeeded recorded its result"), plan);
            }
            case FAILED -> throw new PlannedCallException(plan, Objects.requireNonNull(run.error(), "a failed run has its error"));
        };
    }

    /**
     * The result as the model may read it: a credential the call carried (one the tool holds, or a fresh
     * one a lesson injected from a parameter source) is redacted if the tool echoes it.
     */
    private static ToolExecutionResult withoutInjectedSecrets(ToolExecutionResult result, Plan plan) {
        List<String> injected = new ArrayList<>();
        plan.call().arguments().forEach((name, value) -> {
            if (value != null && Redactor.isSecretName(name)) {
                injected.add(String.valueOf(value));
            }
        });
        String text = result.resultText();
        if (injected.isEmpty() || text == null) {
            return result;
        }
        String redacted = Redactor.standard().withSecretValues(injected).redact(text);
        return redacted.equals(text) ? result : ToolExecutionResult.builder().isError(result.isError()).resultText(redacted).build();
    }


}
