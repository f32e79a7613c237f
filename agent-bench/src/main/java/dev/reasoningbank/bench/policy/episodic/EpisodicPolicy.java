package dev.reasoningbank.bench.policy.episodic;

import dev.reasoningbank.bench.policy.AgentPolicy;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.core.agent.LearningAgent;
import java.util.List;

/**
 * {@code episodic}, Reflexion-style: reflections (rule-based lessons) are kept across the retries of
 * one task and forgotten when the task ends.
 */
public final class EpisodicPolicy extends AgentPolicy {

    public static final PolicyFactory FACTORY = new PolicyFactory() {
        public String name() { return "episodic"; }
        public String description() { return "Reflexion-style: rule-based reflections kept within a task's retries, forgotten after it"; }
        public MemoryPolicy create(PolicyContext context) { return new EpisodicPolicy(context); }
    };

    private LearningAgent agent;

    private EpisodicPolicy(PolicyContext context) {
        super(context);
    }

    @Override
    protected LearningAgent agent() {
        if (agent == null) {
            agent = newAgent(newForgettingBank(), context.rules());
        }
        return agent;
    }

    @Override
    public void endTask() {
        agent = null;
    }
}
