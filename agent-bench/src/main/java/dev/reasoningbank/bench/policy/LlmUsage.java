package dev.reasoningbank.bench.policy;

/** How much a policy used a language model so far; {@link #NONE} for policies without one. */
@FunctionalInterface
public interface LlmUsage {

    LlmUsage NONE = () -> LlmStats.NONE;

    /** The counters now. */
    LlmStats stats();
}
