package dev.reasoningbank.bench.policy;

/**
 * Counters a policy reports about itself.
 *
 * @param lessonsLearned new lessons memorized during the run (merges and recurrences not counted)
 * @param preloadedLessons synthetic lessons put in the bank before the run
 * @param llm what its language model did; {@link LlmStats#NONE} without one
 */
public record PolicyStats(int lessonsLearned, int preloadedLessons, LlmStats llm) {

    /** Calls to a language model; 0 without one. */
    public long llmCalls() {
        return llm.calls();
    }

    /** Tokens sent and received by those calls; 0 without a model. */
    public long llmTokens() {
        return llm.tokens();
    }
}
