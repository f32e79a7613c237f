package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.Feedback;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.judge.Verdict;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Execute half of the loop, shared by {@link LearningAgent} and the LangChain4j integration: carries
 * out a {@link Plan} (skip, or record the lessons applied, then call), retries with backoff when a
 * lesson says so, and tells the bank whether the applied lessons helped or hurt. Reflecting on the
 * failure is the caller's next step ({@link Learner}).
 */
public final class PlanRunner {

    /** Makes the call; a failure is an exception. */
    @FunctionalInterface
    public interface Invoker {
        @Nullable Object invoke(ToolCall call) throws Exception;
    }

    /**
     * What running a plan did.
     *
     * @param outcome succeeded, failed or skipped
     * @param value the tool's result when it succeeded
     * @param failure the last failure, redacted, when it failed
     * @param error the last exception, when it failed
     * @param applied ids of the lessons applied (a skip and a backoff included)
     * @param calls how many times the tool was called
     * @param outsideNanos time spent in the tool and in backoff waits, which is not the loop's own
     */
    public record Run(Outcome outcome, @Nullable Object value, @Nullable Failure failure, @Nullable Throwable error, List<String> applied,
            int calls, long outsideNanos) {
        public Run {
            applied = List.copyOf(applied);
        }
    }

    /** The longest a call waits for backoffs in all, the lesson policy's cap. */
    static final Duration MAX_TOTAL_WAIT = Duration.ofSeconds(60);

    private final ReasoningBank bank;
    private final OutcomeJudge judge;
    private final Sleeper sleeper;
    private final Consumer<AgentEvent> publish;

    PlanRunner(ReasoningBank bank, OutcomeJudge judge, Sleeper sleeper, Consumer<AgentEvent> publish) {
        this.bank = notNull(bank, "bank");
        this.judge = notNull(judge, "judge");
        this.sleeper = notNull(sleeper, "sleeper");
        this.publish = notNull(publish, "publish");
    }

    /**
     * Runs the plan. An exception that {@code passThrough} accepts is rethrown at once, untouched
     * (e.g. arguments a framework could not bind, which it reports by itself).
     */
    Run run(String taskId, Plan plan, Invoker invoker, @Nullable Class<? extends RuntimeException> passThrough) {
        publish.accept(new AgentEvent.Retrieved(taskId, plan.retrieved(), plan.advice()));
        if (plan.skip().isPresent()) {
            Plan.Skip skip = plan.skip().get();
            bank.recordApplied(skip.lesson().id());
            publish.accept(new AgentEvent.Skipped(taskId, skip.lesson(), skip.until()));
            return new Run(Outcome.SKIPPED, null, null, null, List.of(skip.lesson().id()), 0, 0);
        }
        if (plan.refusal().isPresent()) {
            Plan.Refusal refusal = plan.refusal().get();
            publish.accept(new AgentEvent.Refused(taskId, refusal.lesson(), refusal.reason()));
            return new Run(Outcome.REFUSED, null, null, null, List.of(), 0, 0);
        }
        List<String> applied = new ArrayList<>();
        for (Plan.AppliedLesson a : plan.applied()) {
            bank.recordApplied(a.lesson().id());
            applied.add(a.lesson().id());
            publish.accept(new AgentEvent.Applied(taskId, a.lesson(), a.action()));
        }
        plan.probe().ifPresent(lesson -> publish.accept(new AgentEvent.Probing(taskId, lesson)));
        ToolCall call = plan.call();
        long outside = 0;
        int retries = 0;
        Duration waitedSoFar = Duration.ZERO;
        for (int calls = 1; ; calls++) {
            Throwable error;
            long start = System.nanoTime();
            try {
                Object value;
                try {
                    value = invoker.invoke(call);
                } finally {
                    outside += System.nanoTime() - start;
                }
                Verdict verdict = judge.judge(call, value);
                if (verdict.success()) {
                    // the call succeeded: a listener or a bank write that fails now must not turn it into a failure
                    int made = calls;
                    safely("publishing a success", () -> publish.accept(new AgentEvent.Executed(taskId, call.tool(), made)));
                    safely("crediting the lessons applied", () -> applied.forEach(id -> bank.feedback(id, Feedback.HELPED, plan.requested().tool())));
                    return new Run(Outcome.SUCCEEDED, value, null, null, applied, calls, outside);
                }
                error = new Failure.WrongResultException(verdict.reason());
            } catch (RuntimeException e) {
                if (passThrough != null && passThrough.isInstance(e)) {
                    throw e;
                }
                error = e;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                error = e;
            }
            Failure failure = Failure.of(call, error, bank.config().clock());
            publish.accept(new AgentEvent.Failed(taskId, failure));
            Optional<Lesson> backoff = plan.retry().filter(l -> l.trigger().errorKind() == failure.kind());
            int next = retries + 1;
            Duration delay = backoff.map(l -> ((Strategy.RetryWithBackoff) l.strategy()).delayBefore(next, failure.retryAfterHint().orElse(null)))
                    .orElse(Duration.ZERO);
            // whatever a server asks, the agent never waits longer than the cap in all: it gives up instead
            if (backoff.isPresent() && retries < ((Strategy.RetryWithBackoff) backoff.get().strategy()).maxRetries()
                    && waitedSoFar.plus(delay).compareTo(MAX_TOTAL_WAIT) <= 0 && !Thread.currentThread().isInterrupted()) {
                retries++;
                waitedSoFar = waitedSoFar.plus(delay);
                if (retries == 1) {
                    bank.recordApplied(backoff.get().id());
                    applied.add(backoff.get().id());
                }
                publish.accept(new AgentEvent.Retrying(taskId, backoff.get(), retries, delay));
                long waitStart = System.nanoTime();
                boolean waited = sleep(delay);
                outside += System.nanoTime() - waitStart;
                if (waited) {
                    continue;
                }
            }
            for (String id : applied) {
                // a lesson transferred from another tool that fails here is narrowed, not blamed: it still holds where it was learned
                bank.lesson(id).filter(l -> targets(l, failure)).ifPresent(l -> bank.feedback(id, Feedback.HURT, plan.requested().tool()));
            }
            return new Run(Outcome.FAILED, null, failure, error, applied, calls, outside);
        }
    }

    /**
     * Whether a failure after {@code lesson} was applied is the lesson's fault: the failure it targets
     * came back (same kind and, if it has one, the same signature), or the call failed on the very
     * parameter or host the lesson changed. Any other failure says nothing about the lesson.
     */
    static boolean targets(Lesson lesson, Failure failure) {
        boolean same = lesson.trigger().errorKind() == failure.kind()
                && lesson.coversSignature(failure.signature());
        boolean onChanged = lesson.strategy().targets().stream().filter(t -> !t.startsWith("@")).anyMatch(changed ->
                changed.equalsIgnoreCase(failure.errorField())
                        || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(changed.toLowerCase(java.util.Locale.ROOT)) + "\\b")
                                .matcher(failure.message().toLowerCase(java.util.Locale.ROOT)).find());
        return same || onChanged;
    }

    private static final System.Logger LOG = System.getLogger(PlanRunner.class.getName());

    /** Runs a step that must not change an outcome already decided; its failure is logged, not thrown. */
    static void safely(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ReasoningBank: " + what + " failed, the outcome stands: " + e);
        }
    }

    private boolean sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
