package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.BenchConfig;
import java.util.List;
import java.util.Optional;

/**
 * The results of every policy on one stream.
 *
 * @param config the set-up they ran with
 * @param policies one result per policy, in the order they ran
 * @param promptComparison the two {@code bank-llm} prompt sets compared, if {@code --vs-prompts} was given
 */
public record BenchResults(BenchConfig config, List<PolicyResult> policies, Optional<PromptComparison> promptComparison) {

    public BenchResults {
        List<PolicyResult> all = List.copyOf(policies);
        promptComparison.ifPresent(c -> {
            requirePolicy(all, c.policyA());
            requirePolicy(all, c.policyB());
        });
        policies = all;
    }

    public BenchResults(BenchConfig config, List<PolicyResult> policies) {
        this(config, policies, Optional.empty());
    }

    public BenchResults withPromptComparison(PromptComparison comparison) {
        return new BenchResults(config, policies, Optional.of(comparison));
    }

    public PolicyResult policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for policy '" + name + "'"));
    }

    private static void requirePolicy(List<PolicyResult> policies, String name) {
        if (policies.stream().noneMatch(p -> p.name().equals(name))) {
            throw new IllegalArgumentException("the prompt comparison names policy '" + name + "', which did not run");
        }
    }
}
