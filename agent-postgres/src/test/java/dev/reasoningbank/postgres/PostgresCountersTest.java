package dev.reasoningbank.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.testing.Lessons;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Usage counters merged through the store by many threads and processes at once: no increment is lost. */
class PostgresCountersTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private static final int THREADS_PER_STORE = 2;
    private static final int INCREMENTS = 50;

    @Test
    void should_count_every_increment_of_threads_in_three_stores() throws Exception {
        // given one lesson, and three stores on its bank with data sources of their own (three processes)
        String bank = "counters-threads";
        Lesson lesson = Lessons.advice("weather", "date");
        List<PostgresLessonStore> stores = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stores.add(PostgresLessonStore.open(DATABASE.dataSource(), bank));
        }
        try {
            stores.get(0).update(set -> { set.put(lesson); return null; });
            // when 2 threads of each store count 50 uses each
            int threads = stores.size() * THREADS_PER_STORE;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresLessonStore store = stores.get(t % stores.size());
                workers.add(pool.submit(() -> {
                    start.await();
                    increment(store, lesson.id(), INCREMENTS);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            // then every store, and a fresh one, counts 6 × 50
            int expected = threads * INCREMENTS;
            try (PostgresLessonStore fresh = PostgresLessonStore.open(DATABASE.dataSource(), bank)) {
                stores.add(fresh);
                for (PostgresLessonStore store : stores) {
                    long revision = stores.get(0).snapshot().revision();
                    assertThat(PostgresLessonStoreTest.awaitRevision(store, revision).find(lesson.id()).orElseThrow().stats().applied())
                            .as("uses counted by %s", store).isEqualTo(expected);
                }
                stores.remove(fresh);
            }
            assertThat(stores.get(0).snapshot().revision()).as("one revision per increment, after the first put").isEqualTo(1 + expected);
        } finally {
            stores.forEach(PostgresLessonStore::close);
        }
    }

    @Test
    void should_count_every_increment_of_other_processes_too() throws Exception {
        // given one lesson, two more JVMs and a store in this one
        String bank = "counters-processes";
        Lesson lesson = Lessons.advice("weather", "date");
        int processes = 2;
        try (PostgresLessonStore store = PostgresLessonStore.open(DATABASE.dataSource(), bank)) {
            store.update(set -> { set.put(lesson); return null; });
            List<Process> children = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            try {
                for (int p = 0; p < processes; p++) {
                    Path log = Files.createTempFile("counter-process-", ".log");
                    logs.add(log);
                    children.add(new ProcessBuilder(javaCommand(), "-Xmx256m", "-cp", testClassPath(), CounterProcess.class.getName(),
                            DATABASE.jdbcUrl(), "postgres", bank, lesson.id(),
                            String.valueOf(THREADS_PER_STORE), String.valueOf(INCREMENTS))
                            .redirectError(log.toFile())
                            .start());
                }
                for (int p = 0; p < processes; p++) {
                    assertThat(readLine(children.get(p), 120)).as("process %d started (log: %s)", p, logs.get(p)).isEqualTo("READY");
                }
                // when they and 2 threads here all count 50 uses each at once
                for (Process child : children) {
                    Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                    go.write("GO\n");
                    go.flush();
                }
                ExecutorService pool = Executors.newFixedThreadPool(THREADS_PER_STORE);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS_PER_STORE; t++) {
                    workers.add(pool.submit(() -> {
                        increment(store, lesson.id(), INCREMENTS);
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get(5, TimeUnit.MINUTES);
                }
                pool.shutdown();
                for (int p = 0; p < processes; p++) {
                    Process child = children.get(p);
                    assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("process %d ended", p).isTrue();
                    assertThat(child.exitValue()).as("exit of process %d: %s", p, Files.readString(logs.get(p))).isZero();
                }
            } finally {
                children.forEach(Process::destroyForcibly);
            }
            // then every use is counted
            int expected = (processes + 1) * THREADS_PER_STORE * INCREMENTS;
            long revision = 1 + expected;
            assertThat(PostgresLessonStoreTest.awaitRevision(store, revision).find(lesson.id()).orElseThrow().stats().applied())
                    .isEqualTo(expected);
        }
    }

    private static void increment(PostgresLessonStore store, String id, int times) {
        for (int i = 0; i < times; i++) {
            store.update(set -> {
                set.put(PostgresLessonStoreTest.counted(set.get(id).orElseThrow()));
                return null;
            });
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path of these tests: surefire's own property, or the JVM's (a manifest-only jar works too). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String readLine(Process process, int seconds) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            return reader.submit(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return "failed: " + e;
                }
            }).get(seconds, TimeUnit.SECONDS);
        } finally {
            reader.shutdownNow();
        }
    }
}
