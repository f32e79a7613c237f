package dev.reasoningbank.bench.jmh;

import dev.reasoningbank.bench.scenario.SyntheticLessons;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.store.InMemoryLessonStore;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.store.LessonStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared set-up of the JMH benchmarks (and of the cold-open measure): banks of synthetic lessons and a query that scans one tool's lessons. */
public final class Banks {

    static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
    /** The synthetic lessons are spread over this many tools; a query scans one tool's share. */
    static final int TOOLS = 100;

    private Banks() {}

    public static List<Lesson> lessons(int count) {
        return SyntheticLessons.generate(count, TOOLS, NOW);
    }

    public static void fill(LessonStore store, List<Lesson> lessons) {
        store.update(set -> {
            lessons.forEach(set::put);
            return null;
        });
    }

    /** A bank over a {@code "memory"} or {@code "file"} store in {@code dir}, holding {@code lessons} synthetic lessons. */
    static ReasoningBank open(String store, int lessons, Path dir) {
        LessonStore lessonStore = store.equals("file") ? JsonFileLessonStore.open(dir.resolve("bank.json")) : new InMemoryLessonStore();
        fill(lessonStore, lessons(lessons));
        return ReasoningBank.builder().store(lessonStore).build();
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public static RetrievalQuery weatherQuery() {
        return RetrievalQuery.forCall("weather", Map.of("host", "weather-us.bench.local", "city", "Oslo", "unit", "CELSIUS", "days", 3),
                "forecast for Oslo over 3 days");
    }
}
