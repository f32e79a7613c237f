package dev.reasoningbank.core.reflect;

import dev.reasoningbank.core.failure.Failure;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.failure.HostNames;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Scope;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reflector decided, before it becomes a {@link Lesson}: the words, the strategy and the
 * conditions. A draft whose conditions name a value (a fingerprint, a host) is keyed on that value;
 * any other is keyed on the error signature as well, so two different mistakes stay two lessons.
 *
 * @param title a short name
 * @param description when it applies and when not
 * @param content the strategy in 1–3 sentences
 * @param strategy what to do
 * @param conditions conditions on the call's arguments
 * @param lifetime how long the lesson holds (a host being down), or {@code null} for ever
 * @param proposedScope how far the reflector says it holds, or {@code null} to leave it to the strategy; it can
 *     only narrow what the strategy and the conditions allow
 */
public record LessonDraft(
        String title, String description, String content, Strategy strategy, List<ArgumentCondition> conditions, @Nullable Duration lifetime,
        @Nullable Scope proposedScope) {

    public LessonDraft {
        notNull(strategy, "strategy");
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public LessonDraft(String title, String description, String content, Strategy strategy, List<ArgumentCondition> conditions,
            @Nullable Duration lifetime) {
        this(title, description, content, strategy, conditions, lifetime, null);
    }

    /** This draft with the scope the reflector proposes ({@code null}: as the strategy allows). */
    public LessonDraft withScope(@Nullable Scope scope) {
        return new LessonDraft(title, description, content, strategy, conditions, lifetime, scope);
    }

    /** Whether a condition names a value (a fingerprint, a host): the lesson is then keyed on it, not on the message. */
    private boolean keyedOnValue() {
        return conditions.stream().anyMatch(c -> c.op() == ArgumentCondition.Op.FINGERPRINT || c.op() == ArgumentCondition.Op.HOST);
    }

    /**
     * How far the lesson holds: a skip or a credential replacement keyed on a host or a rejected value holds
     * for the other tools calling the host it failed on; an API's convention, for the same parameter there.
     */
    private Scope scope() {
        Scope widest = strategy.widestScope();
        Scope allowed = widest == Scope.HOST && !keyedOnValue() ? Scope.TOOL : widest;
        // a proposal other than what is allowed (a wider one, or another kind) is not taken: the lesson stays with its tool
        return proposedScope == null || proposedScope == allowed ? allowed : Scope.TOOL;
    }

    /** The lesson this draft makes for the failure it was drawn from. */
    public Lesson toLesson(Failure failure, String reflector, Instant now) {
        String signature = keyedOnValue() ? "" : failure.signature();
        Trigger trigger = new Trigger(failure.tool(), failure.kind(), signature, conditions);
        return Lesson.builder()
                .title(fit(title, Lesson.MAX_TITLE))
                .description(fit(description, Lesson.MAX_DESCRIPTION))
                .content(fit(content, Lesson.MAX_CONTENT))
                .trigger(trigger)
                .strategy(strategy)
                .provenance(new Provenance(reflector, failure.summary(), now))
                .expiresAt(lifetime == null ? null : now.plus(lifetime))
                .scope(scope())
                .sharedHost(HostNames.soleHostIn(failure.arguments()).orElse(null))
                .build();
    }

    /** A text that names long values (a path, a version) cut to what a lesson holds, marked where it was cut. */
    private static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
