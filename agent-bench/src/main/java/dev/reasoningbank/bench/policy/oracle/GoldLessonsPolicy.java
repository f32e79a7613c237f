package dev.reasoningbank.bench.policy.oracle;

import dev.reasoningbank.bench.policy.AgentPolicy;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.core.agent.LearningAgent;

/**
 * {@code oracle}: the bank starts with every {@link GoldLessons gold lesson}, so it pays nothing to
 * learn: the ceiling on success and the floor on cost. It reacts to outages with the same rules.
 */
public final class GoldLessonsPolicy extends AgentPolicy {

    public static final PolicyFactory FACTORY = new PolicyFactory() {
        public String name() { return "oracle"; }
        public String description() { return "every fix known from the start (gold lessons): the ceiling on success, the floor on cost"; }
        public MemoryPolicy create(PolicyContext context) { return new GoldLessonsPolicy(context); }
    };

    private final LearningAgent agent;

    private GoldLessonsPolicy(PolicyContext context) {
        super(context);
        this.agent = newAgent(newBank(context.deployment().goldLessons().apply(context.clock().instant(), context.skipFor())),
                context.rules());
    }

    @Override
    protected LearningAgent agent() {
        return agent;
    }
}
