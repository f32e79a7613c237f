package dev.reasoningbank.core.bank;

import dev.reasoningbank.core.lesson.Lesson;

/**
 * The outcome of {@link ReasoningBank#memorize}.
 *
 * @param lesson the lesson as stored
 * @param created {@code true} if it is new, {@code false} if it was merged into a lesson with the same trigger
 */
public record MemorizeResult(Lesson lesson, boolean created) {}
