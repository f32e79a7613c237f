package dev.reasoningbank.bench.policy.bank;

import dev.reasoningbank.bench.policy.AgentPolicy;
import dev.reasoningbank.bench.policy.LlmUsage;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.policy.PolicyStats;
import dev.reasoningbank.bench.scenario.SyntheticLessons;
import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.retrieve.LessonRetriever;

/**
 * {@code bank}: a ReasoningBank kept for the whole stream, written by a reflector (the rule-based one
 * here; an LLM reflector for {@code bank-llm}) and read by a retriever (core's signature and lexical
 * one here; the embedding retriever for {@code bank-embedding}).
 */
public class BankPolicy extends AgentPolicy {

    public static final PolicyFactory FACTORY = new PolicyFactory() {
        public String name() { return "bank"; }
        public String description() { return "ReasoningBank with the rule-based reflector and lexical retrieval, kept across the whole stream"; }
        public MemoryPolicy create(PolicyContext context) {
            return new BankPolicy(context, context.rules(), LlmUsage.NONE);
        }
    };

    private final LearningAgent agent;
    private final LlmUsage usage;

    /**
     * A bank with core's default retriever.
     *
     * @param reflector writes the lessons
     * @param usage what the reflector spent on a model, if it uses one
     */
    public BankPolicy(PolicyContext context, Reflector reflector, LlmUsage usage) {
        this(context, reflector, usage, null);
    }

    /**
     * @param reflector writes the lessons
     * @param usage what the reflector spent on a model, if it uses one
     * @param retriever reads the lessons; {@code null} for core's signature and lexical retriever
     */
    public BankPolicy(PolicyContext context, Reflector reflector, LlmUsage usage, LessonRetriever retriever) {
        super(context);
        this.usage = usage;
        this.agent = newAgent(newBank(SyntheticLessons.generate(context.preload(), context.preloadTools(), context.clock().instant()), retriever),
                reflector);
    }

    @Override
    protected LearningAgent agent() {
        return agent;
    }

    @Override
    public PolicyStats stats() {
        return new PolicyStats(super.stats().lessonsLearned(), context.preload(), usage.stats());
    }
}
