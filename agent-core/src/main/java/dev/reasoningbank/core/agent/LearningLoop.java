package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonPolicy;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolCall;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The Plan → Execute → Reflect → Memorize loop as steps, for any agent: {@link #plan} before a call,
 * {@link #execute} to make it (retrying with backoff when a lesson says so, crediting the lessons
 * applied), {@link #learn} after a failure. {@link LearningAgent} and the LangChain4j integration use
 * exactly these steps; a multi-step agent of your own uses them too.
 *
 * <pre>{@code
 * LearningLoop loop = LearningLoop.builder().bank(bank).reflector(rules).parameterSource(credentials).build();
 * Plan plan = loop.plan(call, "weather in Oslo", tools::containsKey);
 * PlanRunner.Run run = loop.execute("t1", plan, planned -> weather.invoke(planned.arguments()));
 * if (run.outcome() == Outcome.FAILED) {
 *     loop.learn("t1", run.failure(), weather.parameters(), plan.applied());
 * }
 * }</pre>
 */
public final class LearningLoop {

    private final ReasoningBank bank;
    private final Planner planner;
    private final PlanRunner runner;
    private final Learner learner;

    private LearningLoop(Builder b) {
        this.bank = Objects.requireNonNull(b.bank, "bank must be set");
        LessonPolicy policy = b.policy != null ? b.policy : LessonPolicy.of(b.reflector.alternatives(), b.parameters.keys());
        this.planner = new Planner(bank, b.parameters, policy);
        this.runner = new PlanRunner(bank, b.judge, b.sleeper, b.events);
        this.learner = new Learner(bank, b.reflector, b.parameters, b.events, policy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ReasoningBank bank() {
        return bank;
    }

    /**
     * Before a call: every lesson that fits it applies its strategy; the plan holds the call to make, or
     * why it is not made (a host known to be down, a call known to fail).
     *
     * @param description the task in words
     * @param toolExists which tools exist, so that an alternative tool is used only if it does
     */
    public Plan plan(ToolCall call, String description, Predicate<String> toolExists) {
        return planner.plan(call, description, toolExists);
    }

    /** Makes the planned call (or skips or refuses it), retries with backoff when a lesson says so, and credits the lessons. */
    public PlanRunner.Run execute(String taskId, Plan plan, PlanRunner.Invoker invoker) {
        return runner.run(taskId, plan, invoker, null);
    }

    /** As {@link #execute(String, Plan, PlanRunner.Invoker)}; an exception {@code passThrough} accepts is rethrown untouched. */
    public PlanRunner.Run execute(String taskId, Plan plan, PlanRunner.Invoker invoker, Class<? extends RuntimeException> passThrough) {
        return runner.run(taskId, plan, invoker, passThrough);
    }

    /**
     * After a failure: reflect and memorize, refine a lesson that was applied and did not work, or mark a
     * call the agent cannot fix by itself.
     *
     * @param applied the lessons the plan applied ({@link Plan#applied()})
     * @return the lesson now covering the failure, if any
     */
    public Optional<Lesson> learn(String taskId, Failure failure, List<String> toolParameters, List<Plan.AppliedLesson> applied) {
        return learner.learn(taskId, failure, toolParameters, applied);
    }

    /** Builds a {@link LearningLoop}; only the bank is required. */
    public static final class Builder {
        private @Nullable ReasoningBank bank;
        private Reflector reflector = RuleBasedReflector.ofDefaults();
        private ParameterSource parameters = ParameterSource.none();
        private Sleeper sleeper = Sleeper.system();
        private OutcomeJudge judge = OutcomeJudge.ruleBased();
        private Consumer<AgentEvent> events = event -> { };
        private @Nullable LessonPolicy policy;

        private Builder() {}

        public Builder bank(ReasoningBank bank) { this.bank = notNull(bank, "bank"); return this; }
        public Builder reflector(Reflector reflector) { this.reflector = notNull(reflector, "reflector"); return this; }
        public Builder parameterSource(ParameterSource source) { this.parameters = notNull(source, "parameterSource"); return this; }
        public Builder sleeper(Sleeper sleeper) { this.sleeper = notNull(sleeper, "sleeper"); return this; }
        public Builder judge(OutcomeJudge judge) { this.judge = notNull(judge, "judge"); return this; }
        /**
         * What a lesson may do here; default: the reflector's configured alternatives, the parameter
         * source's keys, 1 h skips, 5 retries and 60 s of backoff in all.
         */
        public Builder policy(LessonPolicy policy) { this.policy = notNull(policy, "policy"); return this; }
        /** Where every phase's event goes, once each. */
        public Builder events(Consumer<AgentEvent> events) { this.events = notNull(events, "events"); return this; }

        public LearningLoop build() {
            if (bank == null) {
                throw new IllegalStateException("bank must be set: LearningLoop.builder().bank(ReasoningBank.inMemory())");
            }
            return new LearningLoop(this);
        }
    }
}
