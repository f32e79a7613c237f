package dev.reasoningbank.core.lesson;

/** Where a lesson is in its life: it is trusted once it helped, and retired once it kept hurting. */
public enum LessonStatus {
    CANDIDATE,
    TRUSTED,
    RETIRED;

    public boolean isActive() {
        return this != RETIRED;
    }
}
