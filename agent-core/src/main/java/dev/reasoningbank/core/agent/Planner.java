package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonPolicy;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Plans a call: every live lesson whose trigger the call meets applies its strategy deterministically
 * (they are not ranked against each other); when two act on the same parameter or host, the more
 * specific trigger wins and the plan says so. Values for {@code ReplaceParam} come from the
 * {@link ParameterSource}; a lesson whose source has no value, or whose strategy leaves the call
 * unchanged, is not applied. A call that this very form failed before, in a way the agent could not
 * fix by itself, is refused. A lesson the deployment's {@link LessonPolicy} forbids is never applied,
 * however it reached the bank. Lessons other tools learned on the call's host that do not hold for
 * it (a narrower scope, or narrowed away from it) come with the plan as advice for a model.
 */
final class Planner {

    /** The most lessons of other tools shown as advice with a call. */
    static final int ADVICE = 3;

    private final ReasoningBank bank;
    private final ParameterSource parameters;
    private final LessonPolicy policy;

    Planner(ReasoningBank bank, ParameterSource parameters, LessonPolicy policy) {
        this.bank = notNull(bank, "bank");
        this.parameters = notNull(parameters, "parameters");
        this.policy = notNull(policy, "policy");
    }

    /**
     * Plans {@code call}.
     *
     * @param description the task in words (kept for custom planners; matching is by trigger)
     * @param toolExists which tools exist, so that an alternative tool is used only if it does
     */
    Plan plan(ToolCall call, String description, Predicate<String> toolExists) {
        Instant now = bank.config().clock().instant();
        // a lesson that reached the bank another way (an import, a shared bank, a hand edit) obeys the policy too
        List<Lesson> matching = bank.matching(call).stream().filter(l -> policy.problems(l, null).isEmpty()).toList();
        List<ScoredLesson> retrieved = matching.stream().map(l -> new ScoredLesson(l, 1.0)).toList();
        ToolCall planned = call;
        List<Plan.AppliedLesson> applied = new ArrayList<>();
        Map<String, Lesson> touched = new HashMap<>();
        Optional<Plan.Skip> skip = Optional.empty();
        Optional<Lesson> probe = Optional.empty();
        Optional<Lesson> retry = Optional.empty();
        Optional<Plan.Refusal> cannotFix = Optional.empty();
        for (Lesson lesson : matching) {
            Strategy strategy = lesson.strategy();
            if (strategy instanceof Strategy.SkipTask) {
                if (!lesson.isExpiredAt(now)) {
                    skip = skip.or(() -> Optional.of(new Plan.Skip(lesson, lesson.expiresAt())));
                } else if (lesson.expiresAt() != null && now.isBefore(lesson.expiresAt().plus(((Strategy.SkipTask) strategy).skipFor()))) {
                    // recently expired: this call tells whether the host is back; long expired: just a stale note
                    probe = probe.or(() -> Optional.of(lesson));
                }
            } else if (strategy instanceof Strategy.RetryWithBackoff) {
                retry = retry.or(() -> Optional.of(lesson));
            } else if (!strategy.targets().isEmpty() && claim(touched, strategy.targets(), lesson, applied)) {
                // a transferred fix that cannot read this tool's value does not apply; only the tool's own lesson refuses the call
                if (strategy instanceof Strategy.FixArgument fix && !lesson.isTransferTo(call.tool()) && fix.cannotFix(planned)) {
                    cannotFix = cannotFix.or(() -> Optional.of(new Plan.Refusal(lesson, fix.parameter() + " does not have the form the server wants ("
                            + fix.transform() + (fix.operand().isEmpty() ? "" : " " + fix.operand()) + ") and lesson " + lesson.id()
                            + " cannot write it so without guessing (a date that reads two ways, or one it cannot read)")));
                }
                Optional<Strategy.Rewrite> rewrite = strategy.rewrite(planned, parameters, toolExists);
                if (rewrite.isPresent()) {
                    planned = rewrite.get().call();
                    applied.add(new Plan.AppliedLesson(lesson, rewrite.get().action()
                            + (lesson.isTransferTo(call.tool()) ? " (a transfer: learned on " + lesson.trigger().tool() + ")" : "")));
                }
            }
        }
        if (skip.isPresent()) {
            return new Plan(call, call, retrieved, List.of(), skip, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        List<Lesson> advice = bank.advice(call, ADVICE).stream().filter(l -> policy.problems(l, null).isEmpty()).toList();
        Optional<Plan.Refusal> refusal = bank.unfixable(planned)
                .map(mark -> new Plan.Refusal(mark, "this exact call failed before and the agent could not fix it by itself: " + mark.description()));
        if (refusal.isEmpty()) {
            refusal = cannotFix;
        }
        if (refusal.isPresent()) {
            return new Plan(call, planned, retrieved, applied, Optional.empty(), Optional.empty(), Optional.empty(), refusal, advice);
        }
        return new Plan(call, planned, retrieved, applied, skip, probe, retry, Optional.empty(), advice);
    }

    /**
     * Whether {@code lesson} may act on {@code target} (a parameter, or {@code @tool}): the first, most
     * specific lesson to claim it wins; a later one is noted beside the winner's action.
     */
    private static boolean claim(Map<String, Lesson> touched, List<String> targets, Lesson lesson, List<Plan.AppliedLesson> applied) {
        String target = targets.stream().filter(touched::containsKey).findFirst().orElse(null);
        if (target == null) {
            targets.forEach(t -> touched.put(t, lesson));
            return true;
        }
        Lesson winner = Objects.requireNonNull(touched.get(target), "target was found among the touched ones");
        for (int i = 0; i < applied.size(); i++) {
            Plan.AppliedLesson a = applied.get(i);
            if (a.lesson().id().equals(winner.id())) {
                applied.set(i, new Plan.AppliedLesson(a.lesson(), a.action() + "; " + lesson.id() + " also acts on " + target
                        + " but its trigger is " + (winner.trigger().specificity() > lesson.trigger().specificity() ? "less specific" : "not more specific")));
            }
        }
        return false;
    }
}
