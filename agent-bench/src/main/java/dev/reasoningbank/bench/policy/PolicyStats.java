package dev.reasoningbank.bench.policy;

/**
 * Counters a policy reports about itself.
 *
 * @param lessonsLearned new lessons memorized during the run (merges and recurrences not counted)
 * @param preloadedLessons synthetic lessons put in the bank before the run
 * @param llmCalls calls to a language model; 0 without one
 * @param llmTokens tokens sent and received by those calls; 0 without a model
 */
public record PolicyStats(int lessonsLearned, int preloadedLessons, long llmCalls, long llmTokens) {}
