package dev.reasoningbank.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JMH's generator ran at compile time, so {@code java -jar agent-bench/target/benchmarks.jar} (README) finds the benchmarks. */
class BenchmarkListTest {

    @Test
    void the_benchmarks_are_generated() throws IOException {
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list).as("META-INF/BenchmarkList: is jmh-generator-annprocess among the annotation processors?").isNotNull();
            String benchmarks = new String(list.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(benchmarks).contains("StoreBenchmark", "fsyncAppend", "memorize", "RetrievalBenchmark", "BankLoadBenchmark");
        }
    }
}
