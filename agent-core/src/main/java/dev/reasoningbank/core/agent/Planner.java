package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Plans a call: every live lesson whose trigger the call meets applies its strategy deterministically
 * (they are not ranked against each other); when two act on the same parameter or host, the more
 * specific trigger wins and the plan says so. Values for {@code ReplaceParam} come from the
 * {@link ParameterSource}; a lesson whose source has no value, or whose strategy leaves the call
 * unchanged, is not applied. A call that this very form failed before, in a way the agent could not
 * fix by itself, is refused.
 */
public final class Planner {

    private final ReasoningBank bank;
    private final ParameterSource parameters;

    public Planner(ReasoningBank bank, ParameterSource parameters) {
        this.bank = notNull(bank, "bank");
        this.parameters = notNull(parameters, "parameters");
    }

    /**
     * Plans {@code call}.
     *
     * @param description the task in words (kept for custom planners; matching is by trigger)
     * @param toolExists which tools exist, so that an alternative tool is used only if it does
     */
    public Plan plan(ToolCall call, String description, Predicate<String> toolExists) {
        Instant now = bank.config().clock().instant();
        List<Lesson> matching = bank.matching(call);
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
            } else if (strategy instanceof Strategy.ReplaceParam replace && claim(touched, replace.parameter(), lesson, applied)) {
                Optional<String> value = parameters.value(replace.source());
                if (value.isPresent() && !value.get().equals(String.valueOf(planned.arguments().get(replace.parameter())))) {
                    planned = planned.withArgument(replace.parameter(), value.get());
                    applied.add(new Plan.AppliedLesson(lesson, "replaced " + replace.parameter() + " with the value from '" + replace.source() + "'"));
                }
            } else if (strategy instanceof Strategy.FixArgument fix && claim(touched, fix.parameter(), lesson, applied)) {
                Object before = planned.arguments().get(fix.parameter());
                Object after = fix.transform().apply(before, fix.operand());
                if (Objects.equals(before, after) && !fix.transform().fits(before, fix.operand())) {
                    cannotFix = cannotFix.or(() -> Optional.of(new Plan.Refusal(lesson, fix.parameter() + " does not have the form the server wants ("
                            + fix.transform() + (fix.operand().isEmpty() ? "" : " " + fix.operand()) + ") and lesson " + lesson.id()
                            + " cannot write it so without guessing (a date that reads two ways, or one it cannot read)")));
                }
                if (!Objects.equals(before, after)) {
                    planned = planned.withArgument(fix.parameter(), after);
                    boolean printable = !Redactor.isSecretName(fix.parameter()) && Objects.toString(after).length() <= 40;
                    applied.add(new Plan.AppliedLesson(lesson, fix.transform() + " on " + fix.parameter()
                            + (printable ? " -> " + Redactor.standard().redact(Objects.toString(after)) : "")));
                }
            } else if (strategy instanceof Strategy.UseAlternative alternative) {
                ToolCall before = planned;
                if (!alternative.tool().isBlank() && !alternative.tool().equals(planned.tool()) && toolExists.test(alternative.tool())
                        && claim(touched, "@tool", lesson, applied)) {
                    planned = planned.withTool(alternative.tool());
                }
                if (!alternative.parameter().isBlank() && claim(touched, alternative.parameter(), lesson, applied)) {
                    planned = planned.withArgument(alternative.parameter(), alternative.value());
                }
                if (!planned.equals(before)) {
                    applied.add(new Plan.AppliedLesson(lesson, "switched to " + (alternative.tool().isBlank() ? "" : alternative.tool() + " ")
                            + (alternative.parameter().isBlank() ? "" : alternative.parameter() + " = "
                                    + Redactor.standard().redact(alternative.value()))));
                }
            }
        }
        if (skip.isPresent()) {
            return new Plan(call, retrieved, List.of(), skip, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<Plan.Refusal> refusal = bank.unfixable(planned)
                .map(mark -> new Plan.Refusal(mark, "this exact call failed before and the agent could not fix it by itself: " + mark.description()));
        if (refusal.isEmpty()) {
            refusal = cannotFix;
        }
        if (refusal.isPresent()) {
            return new Plan(planned, retrieved, applied, Optional.empty(), Optional.empty(), Optional.empty(), refusal);
        }
        return new Plan(planned, retrieved, applied, skip, probe, retry, Optional.empty());
    }

    /**
     * Whether {@code lesson} may act on {@code target} (a parameter, or {@code @tool}): the first, most
     * specific lesson to claim it wins; a later one is noted beside the winner's action.
     */
    private static boolean claim(Map<String, Lesson> touched, String target, Lesson lesson, List<Plan.AppliedLesson> applied) {
        Lesson winner = touched.putIfAbsent(target, lesson);
        if (winner == null) {
            return true;
        }
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
