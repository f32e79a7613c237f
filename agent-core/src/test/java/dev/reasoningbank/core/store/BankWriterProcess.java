package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.testing.Lessons;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM for the multi-process tests: {@code <bank file> <prefix> <lessons per thread> <threads>}.
 * Writes distinct lessons, printing {@code committed <name>} after each write returns.
 */
public final class BankWriterProcess {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        int perThread = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        JsonFileLessonStore store = JsonFileLessonStore.open(file);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    String name = prefix + "-" + thread + "-" + i;
                    Lesson lesson = Lessons.advice("tool", name);
                    store.update(set -> { set.put(lesson); return null; });
                    synchronized (System.out) {
                        System.out.println("committed " + lesson.id());
                        System.out.flush();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
