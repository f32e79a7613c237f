package dev.reasoningbank.bench.policy.bank;

import dev.reasoningbank.bench.policy.AgentPolicy;
import dev.reasoningbank.bench.policy.LlmUsage;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.policy.PolicyStats;
import dev.reasoningbank.bench.scenario.Fixture;
import dev.reasoningbank.bench.scenario.SyntheticLessons;
import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.reflect.Reflector;

/**
 * {@code bank}: a ReasoningBank kept for the whole stream, written by a reflector (the rule-based one
 * here; an LLM reflector for {@code bank-llm}: construct this class with it and its usage).
 */
public class BankPolicy extends AgentPolicy {

    public static final PolicyFactory FACTORY = new PolicyFactory() {
        public String name() { return "bank"; }
        public String description() { return "ReasoningBank with the rule-based reflector, kept across the whole stream"; }
        public MemoryPolicy create(PolicyContext context) {
            return new BankPolicy(context, Fixture.reflector(context.skipFor()).build(), LlmUsage.NONE);
        }
    };

    private final LearningAgent agent;
    private final LlmUsage usage;

    /**
     * @param reflector writes the lessons
     * @param usage what the reflector spent on a model, if it uses one
     */
    public BankPolicy(PolicyContext context, Reflector reflector, LlmUsage usage) {
        super(context);
        this.usage = usage;
        this.agent = newAgent(newBank(SyntheticLessons.generate(context.preload(), context.preloadTools(), context.clock().instant())), reflector);
    }

    @Override
    protected LearningAgent agent() {
        return agent;
    }

    @Override
    public PolicyStats stats() {
        return new PolicyStats(super.stats().lessonsLearned(), context.preload(), usage.calls(), usage.tokens());
    }
}
