package dev.reasoningbank.core.reflect;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.lesson.Lesson;
import java.time.Instant;
import java.util.List;

/**
 * What a reflector knows beside the failure.
 *
 * @param toolParameters the parameter names of the tool that failed: a lesson may only touch these
 * @param similarLessons the most similar lessons already in the bank, to refine rather than repeat
 * @param now the current time (from the bank's clock), for expiries and provenance
 * @param parameterSources the keys a {@code ReplaceParam} lesson may name as its source (never values)
 */
public record ReflectionContext(List<String> toolParameters, List<Lesson> similarLessons, Instant now, List<String> parameterSources) {

    public ReflectionContext {
        toolParameters = List.copyOf(notNull(toolParameters, "toolParameters"));
        similarLessons = List.copyOf(notNull(similarLessons, "similarLessons"));
        notNull(now, "now");
        parameterSources = parameterSources == null ? List.of() : List.copyOf(parameterSources);
    }

    /** A context with no known parameter sources. */
    public ReflectionContext(List<String> toolParameters, List<Lesson> similarLessons, Instant now) {
        this(toolParameters, similarLessons, now, List.of());
    }
}
