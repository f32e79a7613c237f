package dev.reasoningbank.core.lesson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a lesson has fared.
 *
 * @param retrieved times it was retrieved for a call
 * @param applied times its strategy was applied to a call
 * @param helped times a call it was applied to succeeded
 * @param hurt times a call it was applied to still failed
 * @param recurrences times the failure it was learned from happened again (and was merged into it)
 * @param lastUsed when it was last retrieved or applied; {@code null} if never
 */
public record LessonStats(int retrieved, int applied, int helped, int hurt, int recurrences, @Nullable Instant lastUsed) {

    public static final LessonStats NONE = new LessonStats(0, 0, 0, 0, 0, null);

    public LessonStats withRetrieved(Instant at) {
        return new LessonStats(retrieved + 1, applied, helped, hurt, recurrences, at);
    }

    public LessonStats withApplied(Instant at) {
        return new LessonStats(retrieved, applied + 1, helped, hurt, recurrences, at);
    }

    public LessonStats withHelped(Instant at) {
        return new LessonStats(retrieved, applied, helped + 1, hurt, recurrences, at);
    }

    public LessonStats withHurt(Instant at) {
        return new LessonStats(retrieved, applied, helped, hurt + 1, recurrences, at);
    }

    public LessonStats withRecurrence() {
        return new LessonStats(retrieved, applied, helped, hurt, recurrences + 1, lastUsed);
    }

    /** These counters and {@code other}'s added, the later use kept: two lessons that were one. */
    public LessonStats plus(LessonStats other) {
        Instant later = lastUsed == null ? other.lastUsed : other.lastUsed == null || lastUsed.isAfter(other.lastUsed) ? lastUsed : other.lastUsed;
        return new LessonStats(retrieved + other.retrieved, applied + other.applied, helped + other.helped, hurt + other.hurt,
                recurrences + other.recurrences, later);
    }
}
