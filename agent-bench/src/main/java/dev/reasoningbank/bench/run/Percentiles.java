package dev.reasoningbank.bench.run;

import java.util.Arrays;

/** Nearest-rank percentiles. */
public final class Percentiles {

    private Percentiles() {}

    /** The {@code p}-th percentile (0–100) of the values; 0 when there are none. */
    public static double of(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
