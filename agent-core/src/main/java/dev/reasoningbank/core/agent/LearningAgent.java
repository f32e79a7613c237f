package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

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

    private static final System.Logger LOG = System.getLogger(LearningAgent.class.getName());

    private final ReasoningBank bank;
    private final Map<String, Tool> tools;
    private final LearningLoop loop;
    private final List<AgentListener> listeners;
    /** Time of the current task spent outside the loop itself (tool, waits, listeners), per thread. */
    private final ThreadLocal<Long> excluded = ThreadLocal.withInitial(() -> 0L);

    private LearningAgent(Builder b) {
        this.bank = Objects.requireNonNull(b.bank, "bank must be set");
        this.tools = Map.copyOf(b.tools);
        this.loop = LearningLoop.builder().bank(bank).reflector(b.reflector).parameterSource(b.parameters)
                .judge(b.judge).sleeper(b.sleeper).events(this::publish).build();
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
        Plan plan = loop.plan(task.call(), task.description(), tools::containsKey);
        PlanRunner.Run run = loop.execute(id, plan, call -> tool(call.tool()).invoke(new LinkedHashMap<>(call.arguments())));
        excluded.set(excluded.get() + run.outsideNanos());
        String learned = null;
        if (run.outcome() == Outcome.FAILED) {
            try {
                Failure failure = Objects.requireNonNull(run.failure(), "a failed run has a failure");
                learned = loop.learn(id, failure, tool(plan.call().tool()).parameters(), plan.applied()).map(Lesson::id).orElse(null);
            } catch (RuntimeException e) {
                // the bank could not be written (a full disk, a lock): the task's outcome stands, nothing is learned
                LOG.log(System.Logger.Level.WARNING, "ReasoningBank: learning from the failure of task " + id + " failed: " + e);
            }
        }
        return new TaskResult(task, run.outcome(), run.value(), run.applied(), learned, run.failure(), run.calls(), 0);
    }

    /** The tool of that name; the plan only ever calls a tool that exists. */
    private Tool tool(String name) {
        return Objects.requireNonNull(tools.get(name), () -> "no tool named '" + name + "'");
    }

    /** Counts the time since {@code since} as spent outside the loop (here: in listeners). */
    private void exclude(long since) {
        excluded.set(excluded.get() + System.nanoTime() - since);
    }

    private void publish(AgentEvent event) {
        long start = System.nanoTime();
        for (AgentListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // a listener can never change an outcome
                LOG.log(System.Logger.Level.WARNING, "ReasoningBank: listener " + listener + " failed on '" + event + "': " + e);
            }
        }
        exclude(start);
    }

    /** Builds a {@link LearningAgent}: a bank and at least one tool are required. */
    public static final class Builder {
        private @Nullable ReasoningBank bank;
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
