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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
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
 * Memorize latency per operation at 1k / 100k / 1M lessons for each store (validate, de-duplicate, write;
 * the file store appends one fsync'd journal line and now and then folds the journal into its document),
 * beside the floor: an fsync'd append of a line of the same size to a file on the same disk. Sample mode
 * gives p50 and p99 per operation; the ratio memorize / append is what to read.
 *
 * <p>Run: {@code java -jar agent-bench/target/benchmarks.jar StoreBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StoreBenchmark {

    @Param({"1000", "100000", "1000000"})
    int lessons;

    @Param({"memory", "file"})
    String store;

    private Path dir;
    private ReasoningBank bank;
    private FileChannel appendOnly;
    private final ByteBuffer line = ByteBuffer.wrap(("{\"revision\":1,\"put\":[" + "x".repeat(600) + "]}\n").getBytes(StandardCharsets.UTF_8));
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // on the disk the bank would use (a tmpfs /tmp would make fsync free and the floor meaningless)
        dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("rb.jmh.dir", "target"))), "rb-jmh");
        bank = Banks.open(store, lessons, dir);
        appendOnly = FileChannel.open(dir.resolve("floor.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        appendOnly.close();
        bank.close();
        Banks.delete(dir);
    }

    /** The floor: one line appended and fsync'd, as a journal would at best. */
    @Benchmark
    public long fsyncAppend() throws IOException {
        line.rewind();
        appendOnly.write(line);
        appendOnly.force(false);
        return appendOnly.size();
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
