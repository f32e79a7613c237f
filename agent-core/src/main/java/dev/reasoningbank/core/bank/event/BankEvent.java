package dev.reasoningbank.core.bank.event;

import dev.reasoningbank.core.lesson.Lesson;

/** Something that happened to the lessons of a bank; {@code toString()} reads as a sentence. */
public sealed interface BankEvent {

    /** The kinds of bank events. */
    enum Type { LESSON_ADDED, LESSON_MERGED, LESSON_RETIRED, LESSON_PROMOTED, LESSON_EVICTED, LESSON_NARROWED }

    Type type();

    Lesson lesson();

    /** A new lesson was stored. */
    record LessonAdded(String bank, Lesson lesson) implements BankEvent {
        public Type type() { return Type.LESSON_ADDED; }
        @Override public String toString() {
            return "bank '" + bank + "' stored " + lesson.id() + " (" + lesson.strategy().type() + "): " + lesson.title();
        }
    }

    /** A lesson with the same trigger already existed; the new one was merged into it. */
    record LessonMerged(String bank, Lesson lesson) implements BankEvent {
        public Type type() { return Type.LESSON_MERGED; }
        @Override public String toString() {
            return "bank '" + bank + "' merged a recurrence into " + lesson.id() + " (seen " + (lesson.stats().recurrences() + 1) + " times)";
        }
    }

    /** A lesson was retired, by a user or because it kept hurting. */
    record LessonRetired(String bank, Lesson lesson, String reason) implements BankEvent {
        public Type type() { return Type.LESSON_RETIRED; }
        @Override public String toString() {
            return "bank '" + bank + "' retired " + lesson.id() + ": " + reason;
        }
    }

    /** A lesson transferred to another tool failed there: it keeps holding for its own tool and the others, not for that one. */
    record LessonNarrowed(String bank, Lesson lesson, String tool) implements BankEvent {
        public Type type() { return Type.LESSON_NARROWED; }
        @Override public String toString() {
            return "bank '" + bank + "' narrowed " + lesson.id() + ": transferred from " + lesson.trigger().tool() + " to " + tool
                    + ", it did not work there, so it no longer applies to " + tool;
        }
    }

    /** A lesson was removed to keep the bank within its caps, or because it was not used for too long. */
    record LessonEvicted(String bank, Lesson lesson, String reason) implements BankEvent {
        public Type type() { return Type.LESSON_EVICTED; }
        @Override public String toString() {
            return "bank '" + bank + "' removed " + lesson.id() + ": " + reason;
        }
    }

    /** A candidate lesson helped often enough to be trusted. */
    record LessonPromoted(String bank, Lesson lesson) implements BankEvent {
        public Type type() { return Type.LESSON_PROMOTED; }
        @Override public String toString() {
            return "bank '" + bank + "' now trusts " + lesson.id() + " (helped " + lesson.stats().helped() + " times)";
        }
    }
}
