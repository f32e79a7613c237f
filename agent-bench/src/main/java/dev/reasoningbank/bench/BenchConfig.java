package dev.reasoningbank.bench;

import dev.reasoningbank.bench.policy.BankStorage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * One benchmark set-up. {@link #reference()} reads the commented, seeded reference configuration
 * ({@code reference.properties} next to this class); the command line overrides single values.
 *
 * @param seed seeds the task stream
 * @param tasks tasks in the stream
 * @param policies the policies to run, in order
 * @param attempts attempts per task, the same for every policy
 * @param start when the stream starts on the scenario clock
 * @param taskInterval scenario time between two tasks
 * @param skipFor how long a refused host is skipped before a probe
 * @param requestTimeout the tools' client timeout (real time)
 * @param preload synthetic lessons in the bank policies' banks (bank, bank-embedding, bank-llm) before the run
 * @param preloadTools how many tools the synthetic lessons are spread over
 * @param warmupTasks tasks run unmeasured before the first policy
 * @param statsFlushInterval how long the banks keep usage counters in memory before writing them (scenario time)
 * @param store where the bank policies keep their banks: {@code memory}, {@code file} (a JSON bank file and its
 *     journal, in a temporary folder) or a {@code jdbc:postgresql:} URL (user and password from PGUSER and PGPASSWORD)
 */
public record BenchConfig(
        long seed, int tasks, List<String> policies, int attempts, Instant start, Duration taskInterval, Duration skipFor,
        Duration requestTimeout, int preload, int preloadTools, int warmupTasks, Duration statsFlushInterval, String store) {

    public BenchConfig {
        policies = List.copyOf(policies);
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1 but was " + tasks);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1 but was " + attempts);
        }
        if (preload < 0) {
            throw new IllegalArgumentException("preload must not be negative but was " + preload);
        }
        BankStorage.check(store);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("policies must name at least one policy");
        }
    }

    /** The reference configuration. */
    public static BenchConfig reference() {
        Properties p = new Properties();
        try (InputStream in = BenchConfig.class.getResourceAsStream("reference.properties")) {
            if (in == null) {
                throw new IllegalStateException("reference.properties is missing from the class path next to " + BenchConfig.class.getName());
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference.properties", e);
        }
        return new BenchConfig(
                Long.parseLong(p.getProperty("random-seed").trim()),
                Integer.parseInt(p.getProperty("tasks").trim()),
                Arrays.stream(p.getProperty("policies").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                Integer.parseInt(p.getProperty("attempts").trim()),
                Instant.parse(p.getProperty("start").trim()),
                Duration.parse(p.getProperty("task-interval").trim()),
                Duration.parse(p.getProperty("skip-for").trim()),
                Duration.ofMillis(Long.parseLong(p.getProperty("request-timeout-millis").trim())),
                Integer.parseInt(p.getProperty("preload").trim()),
                Integer.parseInt(p.getProperty("preload-tools").trim()),
                Integer.parseInt(p.getProperty("warmup-tasks").trim()),
                Duration.parse(p.getProperty("stats-flush-interval").trim()),
                BankStorage.MEMORY);
    }

    public BenchConfig withSeed(long newSeed) {
        return new BenchConfig(newSeed, tasks, policies, attempts, start, taskInterval, skipFor, requestTimeout, preload, preloadTools, warmupTasks, statsFlushInterval, store);
    }

    public BenchConfig withTasks(int newTasks) {
        return new BenchConfig(seed, newTasks, policies, attempts, start, taskInterval, skipFor, requestTimeout, preload, preloadTools, warmupTasks, statsFlushInterval, store);
    }

    public BenchConfig withPolicies(List<String> newPolicies) {
        return new BenchConfig(seed, tasks, newPolicies, attempts, start, taskInterval, skipFor, requestTimeout, preload, preloadTools, warmupTasks, statsFlushInterval, store);
    }

    public BenchConfig withPreload(int lessons, int tools) {
        return new BenchConfig(seed, tasks, policies, attempts, start, taskInterval, skipFor, requestTimeout, lessons, tools, warmupTasks, statsFlushInterval, store);
    }

    public BenchConfig withStatsFlushInterval(Duration interval) {
        return new BenchConfig(seed, tasks, policies, attempts, start, taskInterval, skipFor, requestTimeout, preload, preloadTools, warmupTasks, interval, store);
    }

    public BenchConfig withWarmupTasks(int newWarmupTasks) {
        return new BenchConfig(seed, tasks, policies, attempts, start, taskInterval, skipFor, requestTimeout, preload, preloadTools, newWarmupTasks, statsFlushInterval, store);
    }

    public BenchConfig withStore(String newStore) {
        return new BenchConfig(seed, tasks, policies, attempts, start, taskInterval, skipFor, requestTimeout, preload, preloadTools, warmupTasks, statsFlushInterval, newStore);
    }
}
