package dev.reasoningbank.core.agent;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One phase of the Plan → Execute → Reflect → Memorize loop for one task. Every event's
 * {@code toString()} reads as a sentence and holds nothing secret.
 */
public sealed interface AgentEvent {

    /** The phases, in the order they can happen. */
    enum Type { RETRIEVED, APPLIED, SKIPPED, REFUSED, PROBING, EXECUTED, FAILED, RETRYING, REFLECTED, MEMORIZED, UNFIXABLE }

    Type type();

    String taskId();

    /**
     * Lessons were retrieved for the planned call; {@code advice} holds other tools' lessons learned on its
     * host that do not hold for it, shown to a model only.
     */
    record Retrieved(String taskId, List<ScoredLesson> lessons, List<Lesson> advice) implements AgentEvent {
        public Retrieved {
            lessons = List.copyOf(lessons);
            advice = List.copyOf(advice);
        }

        public Type type() { return Type.RETRIEVED; }
        @Override public String toString() {
            String found = lessons.isEmpty() ? "no lesson in the bank fits this call"
                    : "retrieved " + lessons.stream().map(s -> s.lesson().id() + " \"" + s.lesson().title() + "\"")
                            .collect(Collectors.joining(", "));
            return advice.isEmpty() ? found
                    : found + "; advice from other tools on its host: " + advice.stream().map(l -> l.id() + " (" + l.trigger().tool() + ")")
                            .collect(Collectors.joining(", "));
        }
    }

    /** A lesson's strategy changed the call. */
    record Applied(String taskId, Lesson lesson, String action) implements AgentEvent {
        public Type type() { return Type.APPLIED; }
        @Override public String toString() {
            return "applied " + lesson.id() + " (" + lesson.strategy().type() + "): " + action;
        }
    }

    /** The call was not made because a lesson says it cannot succeed now. */
    record Skipped(String taskId, Lesson lesson, @Nullable Instant until) implements AgentEvent {
        public Type type() { return Type.SKIPPED; }
        @Override public String toString() {
            return "skipped the call: " + lesson.id() + " says " + lesson.title().toLowerCase(java.util.Locale.ROOT)
                    + (until == null ? "" : " (until " + until + ")");
        }
    }

    /** The call was not made: this very call failed before in a way the agent could not fix by itself. */
    record Refused(String taskId, Lesson lesson, String reason) implements AgentEvent {
        public Type type() { return Type.REFUSED; }
        @Override public String toString() {
            return "refused the call (" + lesson.id() + "): " + reason;
        }
    }

    /** After its lessons did not work, a failure is marked as one the agent cannot fix by itself. */
    record Unfixable(String taskId, Lesson mark, String reason) implements AgentEvent {
        public Type type() { return Type.UNFIXABLE; }
        @Override public String toString() {
            return "marked this call as one the agent cannot fix by itself (" + mark.id() + "): " + reason;
        }
    }

    /** A skip lesson has expired: this call goes through to test whether the host is back. */
    record Probing(String taskId, Lesson lesson) implements AgentEvent {
        public Type type() { return Type.PROBING; }
        @Override public String toString() {
            return "probing: " + lesson.id() + " has expired, so this call checks whether the host is back";
        }
    }

    /** The tool was called and succeeded. */
    record Executed(String taskId, String tool, int attempt) implements AgentEvent {
        public Type type() { return Type.EXECUTED; }
        @Override public String toString() {
            return "called " + tool + (attempt > 1 ? " (attempt " + attempt + ")" : "") + ": it succeeded";
        }
    }

    /** The tool was called and failed. */
    record Failed(String taskId, Failure failure) implements AgentEvent {
        public Type type() { return Type.FAILED; }
        @Override public String toString() {
            return "called " + failure.summary();
        }
    }

    /** A backoff lesson makes the agent wait and call again. */
    record Retrying(String taskId, Lesson lesson, int retry, Duration delay) implements AgentEvent {
        public Type type() { return Type.RETRYING; }
        @Override public String toString() {
            return "retry " + retry + " after " + delay.toMillis() + " ms, as " + lesson.id() + " advises";
        }
    }

    /** The reflector turned the failure into a lesson (or into nothing). */
    record Reflected(String taskId, String reflector, @Nullable Lesson lesson) implements AgentEvent {
        public Type type() { return Type.REFLECTED; }
        @Override public String toString() {
            return lesson == null ? "reflector '" + reflector + "' found nothing worth remembering"
                    : "reflector '" + reflector + "' proposed " + lesson.strategy().type() + ": \"" + lesson.title() + "\"";
        }
    }

    /** The lesson is in the bank: new, merged with the same trigger, or a known failure recurring. */
    record Memorized(String taskId, Lesson lesson, boolean created) implements AgentEvent {
        public Type type() { return Type.MEMORIZED; }
        @Override public String toString() {
            return !created ? "the bank already knew this failure: updated " + lesson.id()
                    : "memorized " + lesson.id() + " \"" + lesson.title() + "\""
                            + (lesson.refinement() > 0 ? " (refinement " + lesson.refinement() + ": the lesson before it did not work)" : "");
        }
    }
}
