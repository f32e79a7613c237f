package dev.reasoningbank.core.reflect;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.lesson.Lesson;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reflector knows beside the failure.
 *
 * @param toolParameters the parameter names of the tool that failed: a lesson may only touch these
 * @param similarLessons the most similar lessons already in the bank, to refine rather than repeat
 * @param now the current time (from the bank's clock), for expiries and provenance
 * @param parameterSources the keys a {@code ReplaceParam} lesson may name as its source (never values)
 * @param failedLesson the lesson that was applied to the call and did not work, when refining; else {@code null}
 * @param whatHappened what that lesson did and what the server said then, when refining; else empty
 */
public record ReflectionContext(List<String> toolParameters, List<Lesson> similarLessons, Instant now, List<String> parameterSources,
        @Nullable Lesson failedLesson, String whatHappened) {

    public ReflectionContext {
        toolParameters = List.copyOf(notNull(toolParameters, "toolParameters"));
        similarLessons = List.copyOf(notNull(similarLessons, "similarLessons"));
        notNull(now, "now");
        parameterSources = parameterSources == null ? List.of() : List.copyOf(parameterSources);
        whatHappened = whatHappened == null ? "" : whatHappened;
    }

    /** A context for a failure no lesson was applied to. */
    public ReflectionContext(List<String> toolParameters, List<Lesson> similarLessons, Instant now, List<String> parameterSources) {
        this(toolParameters, similarLessons, now, parameterSources, null, "");
    }

    /** The lesson that did not work, when this reflection is a refinement. */
    public java.util.Optional<Lesson> refining() {
        return java.util.Optional.ofNullable(failedLesson);
    }

    /** A context with no known parameter sources. */
    public ReflectionContext(List<String> toolParameters, List<Lesson> similarLessons, Instant now) {
        this(toolParameters, similarLessons, now, List.of());
    }
}
