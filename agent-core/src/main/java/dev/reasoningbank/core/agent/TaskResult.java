package dev.reasoningbank.core.agent;

import dev.reasoningbank.core.failure.Failure;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What running a task did.
 *
 * @param task the task
 * @param outcome how it ended
 * @param result the tool's result when it succeeded, else {@code null}
 * @param lessonsApplied ids of the lessons whose strategy was applied (skip included)
 * @param lessonLearned id of the lesson that now covers its failure (new, merged, or a known lesson whose
 *     recurrence was counted), else {@code null}
 * @param failure the last failure, redacted, when it failed
 * @param toolCalls how many times a tool was actually called
 * @param learningNanos the time the loop itself took: planning, judging, reflecting and memorizing
 *     (the tool's own time, backoff waits and listeners excluded)
 */
public record TaskResult(
        Task task, Outcome outcome, @Nullable Object result, List<String> lessonsApplied, @Nullable String lessonLearned,
        @Nullable Failure failure, int toolCalls, long learningNanos) {

    public TaskResult {
        lessonsApplied = List.copyOf(lessonsApplied);
    }

    public Optional<String> learned() {
        return Optional.ofNullable(lessonLearned);
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(failure);
    }
}
