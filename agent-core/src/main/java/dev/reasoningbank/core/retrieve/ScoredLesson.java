package dev.reasoningbank.core.retrieve;

import dev.reasoningbank.core.lesson.Lesson;

/**
 * A retrieved lesson and how well it matched, from 0 to 1.
 *
 * @param lesson the lesson
 * @param score the match, higher is better
 */
public record ScoredLesson(Lesson lesson, double score) {}
