package dev.reasoningbank.bench.policy;

import dev.reasoningbank.bench.policy.bank.BankPolicy;
import dev.reasoningbank.bench.policy.bank.CappedBankPolicy;
import dev.reasoningbank.bench.policy.bank.EmbeddingBankPolicy;
import dev.reasoningbank.bench.policy.bankllm.BankLlmPolicy;
import dev.reasoningbank.bench.policy.baseline.NoMemoryPolicy;
import dev.reasoningbank.bench.policy.episodic.EpisodicPolicy;
import dev.reasoningbank.bench.policy.oracle.GoldLessonsPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The policies by name: {@code none} (the floor), {@code episodic}, {@code bank}, {@code bank-embedding}
 * ({@code bank} with the embedding retriever), {@code bank-llm} (the LLM reflector; scripted offline),
 * {@code oracle} (the ceiling on success, the floor on cost), and any {@link PolicyFactory} on the class path.
 */
public final class Registry {

    /** The default line-up, floor and ceiling included. */
    public static final List<String> DEFAULT_POLICIES = List.of("none", "episodic", "bank", "bank-embedding", "bank-llm", "oracle");

    private final Map<String, PolicyFactory> factories = new LinkedHashMap<>();

    private Registry() {}

    /** The built-in policies and those found by the service loader; {@code bank-llm} reads the process environment. */
    public static Registry standard() {
        return standard(System.getenv());
    }

    /**
     * The built-in policies and those found by the service loader.
     *
     * @param env the environment {@code bank-llm} reads: with {@code RB_LLM} set it uses that model, else the scripted one
     */
    public static Registry standard(Map<String, String> env) {
        Registry registry = new Registry();
        registry.register(NoMemoryPolicy.FACTORY);
        registry.register(EpisodicPolicy.FACTORY);
        registry.register(BankPolicy.FACTORY);
        registry.register(CappedBankPolicy.FACTORY);
        registry.register(EmbeddingBankPolicy.FACTORY);
        registry.register(BankLlmPolicy.factory(BankLlmPolicy.NAME, java.util.Optional.empty(), env));
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

    /** Puts {@code factory} in place of the registered policy of the same name (e.g. {@code bank-llm} with other prompts). */
    public Registry replace(PolicyFactory factory) {
        if (!factories.containsKey(factory.name())) {
            throw new IllegalArgumentException("Policy '" + factory.name() + "' does not exist, so it cannot be replaced; known policies: "
                    + String.join(", ", factories.keySet()));
        }
        factories.put(factory.name(), factory);
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
