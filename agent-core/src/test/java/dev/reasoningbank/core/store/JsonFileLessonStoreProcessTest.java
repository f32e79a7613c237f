package dev.reasoningbank.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.Lesson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs share one bank file: nothing is lost, and a killed writer never leaves it corrupt. */
class JsonFileLessonStoreProcessTest {

    @TempDir
    Path dir;

    @Test
    void should_lose_no_lesson_when_4_threads_in_each_of_2_processes_write_concurrently() throws Exception {
        // given
        Path file = dir.resolve("shared.json");
        // when
        Process first = writer(file, "a", 15, 4);
        Process second = writer(file, "b", 15, 4);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Thread readFirst = collect(first, committed);
        Thread readSecond = collect(second, committed);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        readFirst.join();
        readSecond.join();
        // then
        assertThat(first.exitValue()).isZero();
        assertThat(second.exitValue()).isZero();
        assertThat(committed).hasSize(2 * 4 * 15);
        List<Lesson> stored = JsonFileLessonStore.open(file).snapshot().lessons();
        assertThat(stored.stream().map(Lesson::id).collect(Collectors.toSet())).isEqualTo(committed);
    }

    @Test
    void should_never_leave_a_corrupt_or_half_written_file_when_the_writer_is_killed() throws Exception {
        Path file = dir.resolve("killed.json");
        Set<String> committed = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 6; round++) {
            // given a writer busy writing
            Process writer = writer(file, "r" + round, 10_000, 2);
            Thread reader = collect(writer, committed);
            int before = committed.size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (committed.size() < before + 5 + round * 3 && System.nanoTime() < deadline && writer.isAlive()) {
                Thread.sleep(5);
            }
            // when it is killed mid-write
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            reader.join();
            // then the file still parses and holds every lesson whose write returned
            List<Lesson> stored = JsonFileLessonStore.open(file).snapshot().lessons();
            assertThat(stored.stream().map(Lesson::id).collect(Collectors.toSet())).containsAll(committed);
            assertThat(committed.size()).isGreaterThan(before);
        }
        try (var listing = Files.list(dir)) {
            // a killed writer may leave a temp file; the next writer removes it, and the bank itself is whole
            assertThat(listing.map(p -> p.getFileName().toString()).filter(n -> n.equals("killed.json"))).hasSize(1);
        }
    }

    private static Process writer(Path file, String prefix, int perThread, int threads) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                BankWriterProcess.class.getName(), file.toString(), prefix, String.valueOf(perThread), String.valueOf(threads)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Thread collect(Process process, Set<String> committed) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        committed.add(line.substring("committed ".length()));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        return reader;
    }
}
