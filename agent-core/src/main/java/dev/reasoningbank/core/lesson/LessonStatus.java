package dev.reasoningbank.core.lesson;

/**
 * Where a lesson is in its life: a candidate is trusted once it helped; a lesson that did not work is
 * superseded by a refined one (its {@code supersededBy} names it) or retired once it kept hurting; a
 * failure the agent could not fix after its refinements is marked unfixable, so that the very call that
 * fails is not made again.
 */
public enum LessonStatus {
    CANDIDATE,
    TRUSTED,
    RETIRED,
    SUPERSEDED,
    UNFIXABLE;

    /** Whether the lesson's strategy is applied and shown: candidates and trusted lessons. */
    public boolean isActive() {
        return this == CANDIDATE || this == TRUSTED;
    }
}
