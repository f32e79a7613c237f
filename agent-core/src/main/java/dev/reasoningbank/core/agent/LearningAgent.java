package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.Feedback;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.judge.Verdict;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.reflect.Failure;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs tasks through the Plan → Execute → Reflect → Memorize loop:
 *
 * <ol>
 *   <li><b>Plan</b>: retrieve the lessons that fit the call and apply their strategies (replace a
 *       parameter, fix an argument, use an alternative, skip a host that is down);
 *   <li><b>Execute</b> the tool, retrying with backoff if a lesson says so;
 *   <li><b>Reflect</b> on a failure the bank does not know yet: the reflector turns the redacted
 *       failure into a lesson;
 *   <li><b>Memorize</b> it; and tell the bank whether the lessons applied helped or hurt.
 * </ol>
 *
 * Every phase is published to the {@link AgentListener}s. Not thread-safe for one task; run
 * different tasks on different threads freely (the bank is thread-safe).
 */
public final class LearningAgent {

    private final ReasoningBank bank;
    private final Map<String, Tool> tools;
    private final Planner planner;
    private final Learner learner;
    private final Sleeper sleeper;
    private final OutcomeJudge judge;
    private final List<AgentListener> listeners;
    /** Time of the current task spent outside the loop itself (tool, waits, listeners), per thread. */
    private final ThreadLocal<Long> excluded = ThreadLocal.withInitial(() -> 0L);

    private LearningAgent(Builder b) {
        this.bank = b.bank;
        this.tools = Map.copyOf(b.tools);
        this.planner = new Planner(b.bank, b.parameters);
        this.learner = new Learner(b.bank, b.reflector, b.parameters, this::publish);
        this.sleeper = b.sleeper;
        this.judge = b.judge;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ReasoningBank bank() {
        return bank;
    }

    public void addListener(AgentListener listener) {
        listeners.add(notNull(listener, "listener"));
    }

    /** Runs one task; never throws for a tool's failure (that is a {@link Outcome#FAILED} result). */
    public TaskResult run(Task task) {
        notNull(task, "task");
        long started = System.nanoTime();
        excluded.set(0L);
        TaskResult result = runTimed(task);
        long learning = Math.max(0, System.nanoTime() - started - excluded.get());
        return new TaskResult(result.task(), result.outcome(), result.result(), result.lessonsApplied(), result.lessonLearned(),
                result.failure(), result.toolCalls(), learning);
    }

    private TaskResult runTimed(Task task) {
        String id = task.id();
        if (!tools.containsKey(task.call().tool())) {
            throw new IllegalArgumentException("task " + id + " calls unknown tool '" + task.call().tool() + "'; known tools: " + tools.keySet());
        }
        Plan plan = planner.plan(task.call(), task.description(), tools::containsKey);
        publish(new AgentEvent.Retrieved(id, plan.retrieved()));
        if (plan.skip().isPresent()) {
            Plan.Skip skip = plan.skip().get();
            bank.recordApplied(skip.lesson().id());
            publish(new AgentEvent.Skipped(id, skip.lesson(), skip.until()));
            return new TaskResult(task, Outcome.SKIPPED, null, List.of(skip.lesson().id()), null, null, 0, 0);
        }
        List<String> applied = new ArrayList<>();
        for (Plan.AppliedLesson a : plan.applied()) {
            bank.recordApplied(a.lesson().id());
            applied.add(a.lesson().id());
            publish(new AgentEvent.Applied(id, a.lesson(), a.action()));
        }
        plan.probe().ifPresent(lesson -> publish(new AgentEvent.Probing(id, lesson)));
        return execute(task, plan, applied);
    }

    private TaskResult execute(Task task, Plan plan, List<String> applied) {
        String id = task.id();
        ToolCall call = plan.call();
        Tool tool = tools.get(call.tool());
        int calls = 0;
        int retries = 0;
        while (true) {
            calls++;
            try {
                Object result;
                long toolStart = System.nanoTime();
                try {
                    result = tool.invoke(new LinkedHashMap<>(call.arguments()));
                } finally {
                    exclude(toolStart);
                }
                Verdict verdict = judge.judge(call, result);
                if (!verdict.success()) {
                    throw new Failure.WrongResultException(verdict.reason());
                }
                publish(new AgentEvent.Executed(id, call.tool(), calls));
                applied.forEach(lessonId -> bank.feedback(lessonId, Feedback.HELPED));
                return new TaskResult(task, Outcome.SUCCEEDED, result, applied, null, null, calls, 0);
            } catch (Exception error) {
                if (error instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                Failure failure = Failure.of(call, error);
                publish(new AgentEvent.Failed(id, failure));
                Optional<Lesson> backoff = plan.retry()
                        .filter(l -> l.trigger().errorKind() == failure.kind());
                if (backoff.isPresent() && retries < ((Strategy.RetryWithBackoff) backoff.get().strategy()).maxRetries()
                        && !Thread.currentThread().isInterrupted()) {
                    retries++;
                    Strategy.RetryWithBackoff strategy = (Strategy.RetryWithBackoff) backoff.get().strategy();
                    Duration delay = strategy.delayBefore(retries, failure.retryAfterHint());
                    if (retries == 1) {
                        bank.recordApplied(backoff.get().id());
                        applied.add(backoff.get().id());
                    }
                    publish(new AgentEvent.Retrying(id, backoff.get(), retries, delay));
                    if (sleep(delay)) {
                        continue;
                    }
                }
                for (String lessonId : applied) {
                    bank.lesson(lessonId)
                            .filter(l -> l.trigger().errorKind() == failure.kind())
                            .ifPresent(l -> bank.feedback(lessonId, Feedback.HURT));
                }
                String learned = learner.learn(id, failure, tool.parameters()).map(Lesson::id).orElse(null);
                return new TaskResult(task, Outcome.FAILED, null, applied, learned, failure, calls, 0);
            }
        }
    }

    private void exclude(long since) {
        excluded.set(excluded.get() + System.nanoTime() - since);
    }

    private boolean sleep(Duration delay) {
        long start = System.nanoTime();
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            exclude(start);
        }
    }

    private void publish(AgentEvent event) {
        long start = System.nanoTime();
        for (AgentListener listener : listeners) {
            listener.onEvent(event);
        }
        exclude(start);
    }

    /** Builds a {@link LearningAgent}: a bank and at least one tool are required. */
    public static final class Builder {
        private ReasoningBank bank;
        private Reflector reflector = RuleBasedReflector.ofDefaults();
        private final Map<String, Tool> tools = new LinkedHashMap<>();
        private ParameterSource parameters = ParameterSource.none();
        private Sleeper sleeper = Sleeper.system();
        private OutcomeJudge judge = OutcomeJudge.ruleBased();
        private final List<AgentListener> listeners = new ArrayList<>();

        private Builder() {}

        public Builder bank(ReasoningBank bank) { this.bank = notNull(bank, "bank"); return this; }
        public Builder reflector(Reflector reflector) { this.reflector = notNull(reflector, "reflector"); return this; }
        public Builder parameterSource(ParameterSource source) { this.parameters = notNull(source, "parameterSource"); return this; }
        public Builder sleeper(Sleeper sleeper) { this.sleeper = notNull(sleeper, "sleeper"); return this; }
        public Builder judge(OutcomeJudge judge) { this.judge = notNull(judge, "judge"); return this; }
        public Builder listener(AgentListener listener) { this.listeners.add(notNull(listener, "listener")); return this; }

        public Builder tool(Tool tool) {
            notNull(tool, "tool");
            if (tools.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("a tool named '" + tool.name() + "' was already added");
            }
            return this;
        }

        public LearningAgent build() {
            if (bank == null) {
                throw new IllegalStateException("bank must be set: LearningAgent.builder().bank(ReasoningBank.inMemory())");
            }
            if (tools.isEmpty()) {
                throw new IllegalStateException("at least one tool must be added with tool(...)");
            }
            return new LearningAgent(this);
        }
    }
}
