package dev.reasoningbank.bench.jmh;

import dev.reasoningbank.core.bank.MemorizeResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memorize latency at 1k / 10k / 100k lessons for each store: a new lesson per call (validate,
 * de-duplicate, write; the file store writes the whole document atomically). Single-shot batches
 * keep the 100k file store short: each of its writes rewrites tens of megabytes.
 *
 * <p>Run: {@code java -jar agent-bench/target/benchmarks.jar StoreBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, batchSize = 5)
@Measurement(iterations = 5, batchSize = 5)
@Fork(1)
public class StoreBenchmark {

    @Param({"1000", "10000", "100000"})
    int lessons;

    @Param({"memory", "file"})
    String store;

    private Path dir;
    private ReasoningBank bank;
    private int next;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("rb-jmh");
        bank = Banks.open(store, lessons, dir);
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        bank.close();
        Banks.delete(dir);
    }

    @Benchmark
    public MemorizeResult memorize() {
        int i = next++;
        return bank.memorize(Lesson.builder()
                .title("New lesson " + i)
                .description("Applies to weather calls with this city.")
                .content("Check the city spelling before calling weather.")
                .trigger(Trigger.of("weather", ErrorKind.VALIDATION, "", ArgumentCondition.sameValue("city", "new-city-" + i)))
                .strategy(new Strategy.Advice())
                .provenance(new Provenance("jmh", "", Banks.NOW))
                .build());
    }
}
