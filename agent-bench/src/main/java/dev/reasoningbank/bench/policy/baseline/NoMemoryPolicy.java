package dev.reasoningbank.bench.policy.baseline;

import dev.reasoningbank.bench.policy.AgentPolicy;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.reflect.Reflector;
import java.util.List;
import java.util.Optional;

/** {@code none}: the same agent with a reflector that never learns, so its bank stays empty: the floor. */
public final class NoMemoryPolicy extends AgentPolicy {

    public static final PolicyFactory FACTORY = new PolicyFactory() {
        public String name() { return "none"; }
        public String description() { return "no memory: every attempt starts from the task as given (the floor)"; }
        public MemoryPolicy create(PolicyContext context) { return new NoMemoryPolicy(context); }
    };

    private static final Reflector FORGETFUL = new Reflector() {
        public String name() { return "none"; }
        public Optional<Lesson> reflect(Failure failure, ReflectionContext context) { return Optional.empty(); }
    };

    private final LearningAgent agent;

    private NoMemoryPolicy(PolicyContext context) {
        super(context);
        this.agent = newAgent(newBank(List.of()), FORGETFUL);
    }

    @Override
    protected LearningAgent agent() {
        return agent;
    }
}
