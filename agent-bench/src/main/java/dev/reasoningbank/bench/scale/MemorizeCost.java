package dev.reasoningbank.bench.scale;

import dev.reasoningbank.bench.scenario.SyntheticLessons;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a durable memorize costs on the file store against its floor, measured side by side in one run:
 * a memorize into a bank of N lessons (validate, de-duplicate, append one fsync'd journal line, fold the
 * journal now and then), and an fsync'd append of a line of the same size to a file in the same folder.
 * The two alternate, so that both meet the same disk and the same load; the ratio of their p50 and p99
 * is the figure to read, and it should not grow with N.
 */
public final class MemorizeCost {

    /** One bank size's figures, in microseconds. */
    public record Result(int lessons, int samples, double memorizeP50, double memorizeP99, double appendP50, double appendP99, int lineBytes) {
        public double p50Ratio() {
            return memorizeP50 / appendP50;
        }

        public double p99Ratio() {
            return memorizeP99 / appendP99;
        }
    }

    private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
    private static final int WARM_UP = 300;

    private MemorizeCost() {}

    /** Measures {@code samples} memorizes and as many appends into a bank of {@code lessons}, in a folder under {@code dir}. */
    public static Result run(Path dir, int lessons, int samples) throws IOException {
        Path folder = Files.createTempDirectory(Files.createDirectories(dir), "memorize-" + lessons + "-");
        try {
            Path file = folder.resolve("bank.json");
            try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
                List<Lesson> preload = SyntheticLessons.generate(lessons, 100, NOW);
                store.update(set -> {
                    preload.forEach(set::put);
                    return null;
                });
            }
            Path journal = file.resolveSibling("bank.json.journal");
            try (ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(file)).build();
                    FileChannel floor = FileChannel.open(folder.resolve("floor.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                long before = Files.exists(journal) ? Files.size(journal) : 0;
                bank.memorize(lesson(-1));
                int lineBytes = (int) Math.max(64, (Files.exists(journal) ? Files.size(journal) : 0) - before);
                ByteBuffer line = ByteBuffer.wrap(("x".repeat(lineBytes - 1) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                long[] memorize = new long[samples];
                long[] append = new long[samples];
                for (int i = 0; i < WARM_UP + samples; i++) {
                    long start = System.nanoTime();
                    bank.memorize(lesson(i));
                    long memorized = System.nanoTime();
                    line.rewind();
                    floor.write(line);
                    floor.force(false);
                    long appended = System.nanoTime();
                    if (i >= WARM_UP) {
                        memorize[i - WARM_UP] = memorized - start;
                        append[i - WARM_UP] = appended - memorized;
                    }
                }
                return new Result(lessons, samples, percentile(memorize, 50), percentile(memorize, 99), percentile(append, 50), percentile(append, 99),
                        lineBytes);
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A new lesson each time, as a failure the bank has not seen before. */
    private static Lesson lesson(int i) {
        return Lesson.builder()
                .title("Check the city of call " + i)
                .description("Applies to weather calls with this city.")
                .content("Check the city spelling before calling weather.")
                .trigger(Trigger.of("weather", ErrorKind.VALIDATION, "", ArgumentCondition.sameValue("city", "new-city-" + i)))
                .strategy(new Strategy.Advice())
                .provenance(new Provenance("bench", "", NOW))
                .build();
    }

    /** The p-th percentile, in microseconds. */
    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
