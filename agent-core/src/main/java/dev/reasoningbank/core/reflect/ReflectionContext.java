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
 */
public record ReflectionContext(List<String> toolParameters, List<Lesson> similarLessons, Instant now) {

    public ReflectionContext {
        toolParameters = List.copyOf(notNull(toolParameters, "toolParameters"));
        similarLessons = List.copyOf(notNull(similarLessons, "similarLessons"));
        notNull(now, "now");
    }
}
