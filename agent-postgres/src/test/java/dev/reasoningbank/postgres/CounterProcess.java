package dev.reasoningbank.postgres;

import dev.reasoningbank.core.lesson.Lesson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Another process of the fleet, for {@link PostgresCountersTest}: opens the bank, prints {@code READY},
 * waits for a line on its input, then counts {@code increments} uses of one lesson on each of
 * {@code threads} threads, and prints {@code DONE}.
 *
 * <p>Arguments: jdbcUrl user bank lessonId threads increments.
 */
public final class CounterProcess {

    private CounterProcess() {}

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String user = args[1];
        String bank = args[2];
        String lessonId = args[3];
        int threads = Integer.parseInt(args[4]);
        int increments = Integer.parseInt(args[5]);
        try (PostgresLessonStore store = PostgresLessonStore.open(jdbcUrl, user, null, bank)) {
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < increments; i++) {
                        store.update(set -> {
                            Lesson lesson = set.get(lessonId).orElseThrow();
                            set.put(PostgresLessonStoreTest.counted(lesson));
                            return null;
                        });
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }
}
