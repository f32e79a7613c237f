package dev.reasoningbank.bench.sharing;

import dev.reasoningbank.bench.scenario.SyntheticLessons;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Memorize throughput on one bank file shared by processes, as agents on one machine share it: one
 * process of {@code threads} threads, then two such processes at once, each a JVM of its own that
 * memorizes distinct lessons through {@link ReasoningBank#memorize}, after warming up on a bank of its own
 * (a running agent's code is compiled; a fresh JVM's is not). A round's throughput is the lessons
 * memorized over the time from the first worker's start to the last one's end; each setting runs
 * {@code rounds} times over a fresh bank and reports the median. Afterwards the bank must hold every
 * lesson acknowledged: nothing is lost to the other process.
 */
public final class FileSharingBenchmark {

    private static final Instant CREATED = Instant.parse("2026-01-01T08:00:00Z");
    private static final String DONE = "done ";
    private static final String READY = "ready";
    private static final java.time.Duration WORKER_LIMIT = java.time.Duration.ofMinutes(10);

    /**
     * What one setting measured: lessons per second of each round, the processor time the workers used over
     * the round's time (in cores: 2.0 is two cores busy all along), and the lessons the bank held after each.
     */
    public record Setting(int processes, int threads, int lessonsPerThread, List<Double> lessonsPerSecond, List<Double> coresBusy,
            List<Integer> heldAfter) {
        public double median() {
            List<Double> sorted = lessonsPerSecond.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        /** The cores busy in the round whose throughput is the median. */
        public double medianCoresBusy() {
            return coresBusy.get(lessonsPerSecond.indexOf(median()));
        }
    }

    /** One process against two, and whether every acknowledged lesson was there at the end of every round. */
    public record Result(int preloaded, Setting oneProcess, Setting twoProcesses) {
        public double ratio() {
            return twoProcesses.median() / oneProcess.median();
        }

        public boolean nothingLost() {
            return oneProcess.heldAfter().stream().allMatch(n -> n == preloaded + oneProcess.threads() * oneProcess.lessonsPerThread())
                    && twoProcesses.heldAfter().stream().allMatch(n -> n == preloaded + 2 * twoProcesses.threads() * twoProcesses.lessonsPerThread());
        }
    }

    private FileSharingBenchmark() {}

    /** Runs both settings in {@code folder}: banks of {@code preload} lessons, {@code threads} threads per process. */
    public static Result run(Path folder, int preload, int threads, int lessonsPerThread, int rounds) throws IOException, InterruptedException {
        Setting one = setting(folder, preload, 1, threads, lessonsPerThread, rounds);
        Setting two = setting(folder, preload, 2, threads, lessonsPerThread, rounds);
        return new Result(preload, one, two);
    }

    private static Setting setting(Path folder, int preload, int processes, int threads, int lessonsPerThread, int rounds)
            throws IOException, InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<Double> cores = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Path bank = folder.resolve("shared-" + processes + "-" + round + ".json");
            try (JsonFileLessonStore store = JsonFileLessonStore.open(bank)) {
                List<Lesson> seed = SyntheticLessons.generate(preload, 100, CREATED);
                store.update(set -> {
                    seed.forEach(set::put);
                    return null;
                });
            }
            List<Process> workers = new ArrayList<>();
            // a worker that hangs is killed after a bound, so that its end of file ends the wait; every worker goes with the round
            java.util.concurrent.CompletableFuture.delayedExecutor(WORKER_LIMIT.toMinutes(), TimeUnit.MINUTES)
                    .execute(() -> workers.forEach(Process::destroyForcibly));
            long first = Long.MAX_VALUE;
            long last = 0;
            int memorized = 0;
            long cpuNanos = 0;
            try {
                List<java.io.BufferedReader> outputs = new ArrayList<>();
                for (int p = 0; p < processes; p++) {
                    int firstLesson = preload + p * threads * lessonsPerThread;
                    Process worker = new ProcessBuilder(javaCommand(bank, threads, lessonsPerThread, firstLesson))
                            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                    workers.add(worker);
                    outputs.add(new java.io.BufferedReader(new java.io.InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8)));
                }
                // each worker warms up on a bank of its own first; then all start at one instant, so that the processes overlap
                for (java.io.BufferedReader output : outputs) {
                    List<String> before = new ArrayList<>();
                    for (String line = output.readLine(); !READY.equals(line); line = output.readLine()) {
                        if (line == null) {
                            throw new IllegalStateException("a worker process failed while warming up: " + String.join("\n", before));
                        }
                        before.add(line); // what a JVM option may print first
                    }
                }
                long startAt = System.currentTimeMillis() + 200;
                for (Process worker : workers) {
                    try (java.io.OutputStream in = worker.getOutputStream()) {
                        in.write((startAt + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
                for (int w = 0; w < workers.size(); w++) {
                    List<String> lines = outputs.get(w).lines().toList();
                    String out = lines.stream().filter(l -> l.startsWith(DONE)).findFirst().orElse("");
                    boolean ended = workers.get(w).waitFor(1, TimeUnit.MINUTES);
                    if (!ended || workers.get(w).exitValue() != 0 || out.isEmpty()) {
                        throw new IllegalStateException("a worker process failed" + (ended ? " (exit " + workers.get(w).exitValue() + ")" : "")
                                + ": " + String.join("\n", lines));
                    }
                    String[] fields = out.substring(DONE.length()).split(" ");
                    first = Math.min(first, Long.parseLong(fields[0]));
                    last = Math.max(last, Long.parseLong(fields[1]));
                    memorized += Integer.parseInt(fields[2]);
                    cpuNanos += Long.parseLong(fields[3]);
                }
            } finally {
                workers.forEach(Process::destroyForcibly);
            }
            rates.add(memorized / ((last - first) / 1e9));
            cores.add((double) cpuNanos / (last - first));
            try (JsonFileLessonStore store = JsonFileLessonStore.open(bank)) {
                held.add(store.snapshot().size());
            }
            deleteBank(bank);
        }
        return new Setting(processes, threads, lessonsPerThread, List.copyOf(rates), List.copyOf(cores), List.copyOf(held));
    }

    private static List<String> javaCommand(Path bank, int threads, int lessonsPerThread, int firstLesson) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), FileSharingBenchmark.class.getName(),
                bank.toString(), String.valueOf(threads), String.valueOf(lessonsPerThread), String.valueOf(firstLesson));
    }

    private static void deleteBank(Path bank) throws IOException {
        for (String suffix : new String[] {"", ".journal", ".lock"}) {
            Files.deleteIfExists(bank.resolveSibling(bank.getFileName() + suffix));
        }
    }

    /**
     * A worker: {@code <bank> <threads> <lessonsPerThread> <firstLesson>}. Warms up on a bank file of its own
     * beside the shared one (the same lessons, threads and disk), prints {@code ready}, reads the epoch
     * millisecond to start at from its input, then prints {@code done <startNanos> <endNanos> <memorized> <cpuNanos>}:
     * start and end on the epoch's nanosecond scale, comparable across processes, and the processor time the
     * process used in between (every thread of it, the JVM's own included).
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int perThread = Integer.parseInt(args[2]);
        int firstLesson = Integer.parseInt(args[3]);
        List<Lesson> all = SyntheticLessons.generate(firstLesson + threads * perThread, 100, CREATED);
        Path warmUp = file.resolveSibling(file.getFileName() + ".warm-up-" + ProcessHandle.current().pid() + ".json");
        try (ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(warmUp)).build()) {
            memorize(bank, all, threads, perThread, firstLesson);
        } finally {
            deleteBank(warmUp);
        }
        System.out.println(READY);
        System.out.flush();
        long startAt = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine().strip());
        try (ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(file)).build()) {
            bank.lessons(); // opened and read before the clock starts, as a running agent's bank is
            processCpuNanos(); // the management bean is made before the clock starts too
            Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
            long cpuBefore = processCpuNanos();
            long start = epochNanos();
            int memorized = memorize(bank, all, threads, perThread, firstLesson);
            long end = epochNanos();
            System.out.println(DONE + start + " " + end + " " + memorized + " " + (processCpuNanos() - cpuBefore));
        } catch (UncheckedIOException e) {
            System.out.println("failed " + e.getMessage());
            System.exit(1);
        }
    }

    /** Each of {@code threads} threads memorizes its own {@code perThread} lessons; how many were memorized. */
    private static int memorize(ReasoningBank bank, List<Lesson> all, int threads, int perThread, int firstLesson) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Lesson> mine = all.subList(firstLesson + t * perThread, firstLesson + (t + 1) * perThread);
                done.add(pool.submit(() -> {
                    mine.forEach(bank::memorize);
                    return mine.size();
                }));
            }
            int memorized = 0;
            for (Future<Integer> f : done) {
                memorized += f.get();
            }
            return memorized;
        } finally {
            pool.shutdown();
        }
    }

    /** The processor time this process used so far; 0 where the platform does not tell. */
    private static long processCpuNanos() {
        return Math.max(0, ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
