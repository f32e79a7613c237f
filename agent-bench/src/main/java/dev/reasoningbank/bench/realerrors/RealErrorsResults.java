package dev.reasoningbank.bench.realerrors;

import dev.reasoningbank.bench.BenchConfig;
import java.util.List;
import java.util.Map;

/**
 * The {@code real-errors} track's results: per half of the corpus ({@code dev}, {@code heldOut}), one
 * {@link SplitResult} per policy, in the configured order.
 */
public record RealErrorsResults(BenchConfig config, Corpus corpus, Map<String, List<SplitResult>> splits) {

    public RealErrorsResults {
        splits = Map.copyOf(splits);
    }

    public SplitResult result(String split, String policy) {
        return splits.get(split).stream().filter(r -> r.policy().equals(policy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result of policy '" + policy + "' on " + split));
    }
}
