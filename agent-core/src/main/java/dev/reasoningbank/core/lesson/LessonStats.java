package dev.reasoningbank.core.lesson;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param transfersHelped of {@code helped}, the calls of another tool it was transferred to
 * @param transfersHurt calls of another tool it was transferred to that still failed (each narrowed it
 *     away from that tool; not counted in {@code hurt}, which is about the lesson where it holds)
 */
public record LessonStats(int retrieved, int applied, int helped, int hurt, int recurrences, @Nullable Instant lastUsed,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int transfersHelped, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int transfersHurt) {

    public static final LessonStats NONE = new LessonStats(0, 0, 0, 0, 0, null, 0, 0);

    public LessonStats(int retrieved, int applied, int helped, int hurt, int recurrences, @Nullable Instant lastUsed) {
        this(retrieved, applied, helped, hurt, recurrences, lastUsed, 0, 0);
    }

    public LessonStats withRetrieved(Instant at) {
        return new LessonStats(retrieved + 1, applied, helped, hurt, recurrences, at, transfersHelped, transfersHurt);
    }

    public LessonStats withApplied(Instant at) {
        return new LessonStats(retrieved, applied + 1, helped, hurt, recurrences, at, transfersHelped, transfersHurt);
    }

    public LessonStats withHelped(Instant at) {
        return new LessonStats(retrieved, applied, helped + 1, hurt, recurrences, at, transfersHelped, transfersHurt);
    }

    public LessonStats withHurt(Instant at) {
        return new LessonStats(retrieved, applied, helped, hurt + 1, recurrences, at, transfersHelped, transfersHurt);
    }

    public LessonStats withRecurrence() {
        return new LessonStats(retrieved, applied, helped, hurt, recurrences + 1, lastUsed, transfersHelped, transfersHurt);
    }

    /** One more call of another tool it was transferred to that still failed. */
    public LessonStats withTransferHurt() {
        return new LessonStats(retrieved, applied, helped, hurt, recurrences, lastUsed, transfersHelped, transfersHurt + 1);
    }

    /** These counters and {@code other}'s added, the later use kept: two lessons that were one. */
    public LessonStats plus(LessonStats other) {
        Instant later = lastUsed == null ? other.lastUsed : other.lastUsed == null || lastUsed.isAfter(other.lastUsed) ? lastUsed : other.lastUsed;
        return new LessonStats(retrieved + other.retrieved, applied + other.applied, helped + other.helped, hurt + other.hurt,
                recurrences + other.recurrences, later, transfersHelped + other.transfersHelped, transfersHurt + other.transfersHurt);
    }
}
