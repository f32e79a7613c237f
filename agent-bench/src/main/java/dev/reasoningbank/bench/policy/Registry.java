package dev.reasoningbank.bench.policy;

import dev.reasoningbank.bench.policy.bank.BankPolicy;
import dev.reasoningbank.bench.policy.baseline.NoMemoryPolicy;
import dev.reasoningbank.bench.policy.episodic.EpisodicPolicy;
import dev.reasoningbank.bench.policy.oracle.GoldLessonsPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The policies by name: {@code none} (the floor), {@code episodic}, {@code bank}, {@code oracle}
 * (the ceiling on success, the floor on cost), and any {@link PolicyFactory} on the class path.
 */
public final class Registry {

    /** The default line-up, floor and ceiling included. */
    public static final List<String> DEFAULT_POLICIES = List.of("none", "episodic", "bank", "oracle");

    private final Map<String, PolicyFactory> factories = new LinkedHashMap<>();

    private Registry() {}

    /** The built-in policies and those found by the service loader. */
    public static Registry standard() {
        Registry registry = new Registry();
        registry.register(NoMemoryPolicy.FACTORY);
        registry.register(EpisodicPolicy.FACTORY);
        registry.register(BankPolicy.FACTORY);
        registry.register(GoldLessonsPolicy.FACTORY);
        ServiceLoader.load(PolicyFactory.class).forEach(registry::register);
        return registry;
    }

    public Registry register(PolicyFactory factory) {
        if (factories.putIfAbsent(factory.name(), factory) != null) {
            throw new IllegalArgumentException("a policy named '" + factory.name() + "' is already registered");
        }
        return this;
    }

    public PolicyFactory factory(String name) {
        PolicyFactory factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Policy '" + name + "' does not exist; known policies: " + String.join(", ", factories.keySet()));
        }
        return factory;
    }

    public List<String> names() {
        return List.copyOf(factories.keySet());
    }
}
