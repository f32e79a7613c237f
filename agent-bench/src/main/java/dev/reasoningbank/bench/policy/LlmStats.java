package dev.reasoningbank.bench.policy;

/**
 * What a policy's language model did over a run, from the reflector's {@code LlmMetrics}.
 *
 * @param calls requests sent to the model, re-asks included
 * @param failedCalls requests that ended in an error (unreachable, timeout, HTTP error): no answer
 * @param acceptedAnswers answers that passed validation and became a lesson
 * @param reasks requests that re-asked after an invalid answer
 * @param fallbacks questions the rule-based fallback answered instead of the model
 * @param inputTokens prompt tokens, as the server reported them
 * @param outputTokens answer tokens, as the server reported them
 */
public record LlmStats(long calls, long failedCalls, long acceptedAnswers, long reasks, long fallbacks, long inputTokens, long outputTokens) {

    /** A policy without a model. */
    public static final LlmStats NONE = new LlmStats(0, 0, 0, 0, 0, 0, 0);

    /** Tokens sent and received. */
    public long tokens() {
        return inputTokens + outputTokens;
    }

    /** Answers the model gave (calls that did not fail), valid or not. */
    public long answers() {
        return calls - failedCalls;
    }

    /** Accepted answers / model answers, from 0 to 1; 0 when the model gave no answer. */
    public double validLessonRate() {
        return answers() == 0 ? 0 : (double) acceptedAnswers / answers();
    }

    /** Whether a model was asked at all. */
    public boolean used() {
        return calls > 0 || fallbacks > 0;
    }
}
