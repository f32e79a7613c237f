package dev.reasoningbank.bench.scale;

import dev.reasoningbank.bench.jmh.Banks;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.ToolCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold open of a big bank: a fresh JVM opens a bank file and answers its first retrieval. How long
 * that takes and how much memory the process needs at its peak.
 *
 * <pre>
 * java -cp CLASSPATH dev.reasoningbank.bench.scale.ColdOpen write bank.json 1000000     # a bank of synthetic lessons
 * java -cp CLASSPATH dev.reasoningbank.bench.scale.ColdOpen measure bank.json 3 -Xmx1500m  # 3 fresh JVMs, medians
 * java -Xmx1500m -cp CLASSPATH dev.reasoningbank.bench.scale.ColdOpen open bank.json     # one cold open, this JVM
 * </pre>
 *
 * {@code measure} starts each run as a new process with the same java and class path and the JVM options
 * given after the run count; a run prints one line of {@code key=value} pairs, and {@code measure} prints
 * them and their medians.
 */
public final class ColdOpen {

    private ColdOpen() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
            return;
        }
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "write" -> write(file, args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 100_000);
            case "open" -> open(file);
            case "measure" -> measure(file, args.length > 2 ? Integer.parseInt(args[2]) : 3,
                    args.length > 3 ? List.of(args).subList(3, args.length) : List.of());
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: ColdOpen write <file> <lessons> | open <file> | measure <file> <runs> [jvm options...]");
        System.exit(2);
    }

    /** Writes a bank of {@code count} synthetic lessons at {@code file}, replacing what is there. */
    static void write(Path file, int count) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".journal"));
        long start = System.nanoTime();
        try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
            Banks.fill(store, Banks.lessons(count));
        }
        System.out.printf("wrote %d lessons to %s (%d bytes) in %d ms%n", count, file, Files.size(file), (System.nanoTime() - start) / 1_000_000);
    }

    /** One cold open in this JVM: open, first answer, and what it cost; one line of key=value pairs. */
    static void open(Path file) throws IOException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        JsonFileLessonStore store = JsonFileLessonStore.open(file);
        long t1 = System.nanoTime();
        ReasoningBank bank = ReasoningBank.builder().store(store).build();
        List<Lesson> matching = bank.matching(ToolCall.of("weather", Map.of("host", "weather-us.bench.local", "city", "Oslo")));
        long t2 = System.nanoTime();
        List<ScoredLesson> retrieved = bank.retrieve(Banks.weatherQuery());
        long t3 = System.nanoTime();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        long hwm = procStatusKb("VmHWM");
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lessons", store.snapshot().size());
        out.put("jvmMs", mainAt - jvmStart);
        out.put("openMs", ms(t1 - t0));
        out.put("firstMs", ms(t2 - t1));
        out.put("coldMs", ms(t2 - t0));
        out.put("retrieveMs", ms(t3 - t2));
        out.put("hwmMB", hwm / 1024);
        out.put("heapUsedMB", heapUsed >> 20);
        out.put("liveMB", live >> 20);
        out.put("gcMs", gcMillis);
        out.put("gcs", gcCount);
        out.put("matched", matching.size() + "/" + retrieved.size());
        StringBuilder line = new StringBuilder();
        out.forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
        System.out.println(line);
        // keep the bank reachable until the live size is taken
        if (bank.store() != store) {
            throw new IllegalStateException();
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long procStatusKb(String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith(field + ":")) {
                return Long.parseLong(l.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    /** {@code runs} cold opens, each in a new JVM with these options; each run's line, then the medians. */
    static void measure(Path file, int runs, List<String> jvmOptions) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Map<String, String>> results = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdOpen.class.getName(), "open", file.toString()));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                    lines.add(l);
                }
            }
            int exit = process.waitFor();
            long wallMs = ms(System.nanoTime() - start);
            String result = lines.stream().filter(l -> l.startsWith("lessons=")).findFirst().orElse(null);
            if (exit != 0 || result == null) {
                System.out.println("run " + (run + 1) + " failed (exit " + exit + "):");
                lines.stream().limit(20).forEach(l -> System.out.println("  " + l));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : result.split(" ")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            results.add(values);
            wall.add(wallMs);
            System.out.println("run " + (run + 1) + ": " + result + " processMs=" + wallMs);
        }
        if (results.isEmpty()) {
            return;
        }
        StringBuilder medians = new StringBuilder("median " + String.join(" ", jvmOptions) + ":");
        for (String key : results.get(0).keySet()) {
            if (results.get(0).get(key).matches("-?\\d+")) {
                medians.append(' ').append(key).append('=')
                        .append(median(results.stream().map(r -> Long.parseLong(r.get(key))).toList()));
            }
        }
        medians.append(" processMs=").append(median(wall));
        System.out.println(medians);
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
