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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plans a call: retrieves the lessons that fit it and applies their strategies deterministically. A
 * better-ranked lesson wins when two touch the same argument. Values for {@code ReplaceParam} come
 * from the {@link ParameterSource}; a lesson whose source has no value is shown but not applied.
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
     * @param description the task in words, for retrieval
     * @param toolExists which tools exist, so that an alternative tool is used only if it does
     */
    public Plan plan(ToolCall call, String description, Predicate<String> toolExists) {
        Instant now = bank.config().clock().instant();
        List<ScoredLesson> retrieved = bank.retrieve(RetrievalQuery.forCall(call.tool(), call.arguments(), description));
        ToolCall planned = call;
        List<Plan.AppliedLesson> applied = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        Optional<Plan.Skip> skip = Optional.empty();
        Optional<Lesson> probe = Optional.empty();
        Optional<Lesson> retry = Optional.empty();
        for (ScoredLesson scored : retrieved) {
            Lesson lesson = scored.lesson();
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
            } else if (strategy instanceof Strategy.ReplaceParam replace && touched.add(replace.parameter())) {
                Optional<String> value = parameters.value(replace.source());
                if (value.isPresent() && !value.get().equals(String.valueOf(planned.arguments().get(replace.parameter())))) {
                    planned = planned.withArgument(replace.parameter(), value.get());
                    applied.add(new Plan.AppliedLesson(lesson, "replaced " + replace.parameter() + " with the value from '" + replace.source() + "'"));
                }
            } else if (strategy instanceof Strategy.FixArgument fix && touched.add(fix.parameter())) {
                Object before = planned.arguments().get(fix.parameter());
                Object after = fix.transform().apply(before, fix.operand());
                if (!Objects.equals(before, after)) {
                    planned = planned.withArgument(fix.parameter(), after);
                    boolean printable = !Redactor.isSecretName(fix.parameter()) && Objects.toString(after).length() <= 40;
                    applied.add(new Plan.AppliedLesson(lesson, fix.transform() + " on " + fix.parameter()
                            + (printable ? " -> " + Redactor.standard().redact(Objects.toString(after)) : "")));
                }
            } else if (strategy instanceof Strategy.UseAlternative alternative) {
                ToolCall before = planned;
                if (!alternative.tool().isBlank() && !alternative.tool().equals(planned.tool()) && toolExists.test(alternative.tool())
                        && touched.add("@tool")) {
                    planned = planned.withTool(alternative.tool());
                }
                if (!alternative.parameter().isBlank() && touched.add(alternative.parameter())) {
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
            return new Plan(call, retrieved, List.of(), skip, Optional.empty(), Optional.empty());
        }
        return new Plan(planned, retrieved, applied, skip, probe, retry);
    }
}
