package dev.reasoningbank.bench.jmh;

import dev.reasoningbank.core.store.BankSnapshot;
import dev.reasoningbank.core.store.JsonFileLessonStore;
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
 * Bank load time: opening a {@link JsonFileLessonStore} with 1k / 10k / 100k lessons and reading it
 * (parse and validate the whole document), as a process does at start-up.
 *
 * <p>Run: {@code java -jar agent-bench/target/benchmarks.jar BankLoadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class BankLoadBenchmark {

    @Param({"1000", "10000", "100000"})
    int lessons;

    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("rb-jmh");
        file = dir.resolve("bank.json");
        try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
            Banks.fill(store, Banks.lessons(lessons));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Banks.delete(dir);
    }

    @Benchmark
    public BankSnapshot load() {
        try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
            return store.snapshot();
        }
    }
}
