package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.BenchConfig;
import java.util.List;

/**
 * The results of every policy on one stream.
 *
 * @param config the set-up they ran with
 * @param policies one result per policy, in the order they ran
 */
public record BenchResults(BenchConfig config, List<PolicyResult> policies) {

    public PolicyResult policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for policy '" + name + "'"));
    }
}
