package dev.reasoningbank.bench.policy;

/**
 * Creates a policy for one run. Built-in factories are listed in {@link Registry}; others are found
 * with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.reasoningbank.bench.policy.PolicyFactory}), so a policy that needs
 * another module, such as {@code bank-llm}, is one class.
 */
public interface PolicyFactory {

    /** The name used on the command line and in results, e.g. {@code bank}. */
    String name();

    /** One line for the report: what the policy remembers. */
    String description();

    MemoryPolicy create(PolicyContext context);
}
