package dev.reasoningbank.bench.policy;

/** How much a policy used a language model; {@link #NONE} for policies without one. */
public interface LlmUsage {

    LlmUsage NONE = new LlmUsage() {
        public long calls() { return 0; }
        public long tokens() { return 0; }
    };

    long calls();

    long tokens();
}
