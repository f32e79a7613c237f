package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.policy.BankStorage;
import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.scenario.BenchTask;
import dev.reasoningbank.bench.scenario.Fixture;
import dev.reasoningbank.bench.scenario.Scenario;
import dev.reasoningbank.bench.scenario.TaskStream;
import dev.reasoningbank.bench.scenario.World;
import dev.reasoningbank.core.agent.Outcome;
import dev.reasoningbank.core.agent.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs the seeded stream once per policy, each in a fresh {@link World}, with the same attempt
 * budget per task, and measures every policy the same way (see {@code MetricDefinitions}).
 */
public final class BenchRunner {

    private final BenchConfig config;
    private final Registry registry;
    private final ProgressListener progress;

    public BenchRunner(BenchConfig config, Registry registry, ProgressListener progress) {
        this.config = config;
        this.registry = registry;
        this.progress = progress;
    }

    public BenchResults run() {
        List<PolicyFactory> factories = config.policies().stream().map(registry::factory).toList();
        Scenario scenario = TaskStream.generate(config.tasks(), config.seed(), config.start(), config.taskInterval(), config.skipFor());
        warmUp(scenario);
        List<PolicyResult> results = new ArrayList<>();
        int total = factories.size() * scenario.tasks().size();
        for (int i = 0; i < factories.size(); i++) {
            PolicyFactory factory = factories.get(i);
            int offset = i * scenario.tasks().size();
            results.add(run(factory, scenario, done -> progress.onProgress(factory.name(), offset + done, total)));
        }
        return new BenchResults(config, results);
    }

    /** Runs one policy over the scenario in a fresh world. */
    public PolicyResult run(PolicyFactory factory, Scenario scenario, IntConsumer tasksDone) {
        long started = System.nanoTime();
        List<CallRecord> calls = new ArrayList<>();
        BankStorage storage = BankStorage.of(config.store(), storeFolder(), "flakybench-" + factory.name() + "-" + Long.toHexString(System.nanoTime()));
        try (World world = new World(config.start(), scenario.outages(), config.requestTimeout())) {
            world.warmUp();
            PolicyContext context = new PolicyContext(RecordingTool.wrap(world.tools(), calls), Fixture.deployment(),
                    world.clock(), world.clock().sleeper(), config.skipFor(), config.preload(), config.preloadTools(),
                    config.statsFlushInterval(), storage);
            try (MemoryPolicy policy = LeaveOneOut.guard(factory.name(), factory.create(context))) {
                Tally tally = new Tally();
                for (BenchTask task : scenario.tasks()) {
                    world.prepare(task);
                    Outcome outcome = runTask(policy, task, calls, tally);
                    String host = world.tool(task.task().call().tool()).hostFor(task.task().call().arguments());
                    tally.task(task.failureClass().id(), outcome, outcome == Outcome.SKIPPED && world.hosts().acceptsConnections(host),
                            policy.lessons().size());
                    tasksDone.accept(task.index() + 1);
                }
                return tally.result(factory, policy.stats(), policy.lessons(), (System.nanoTime() - started) / 1_000_000, world.wrongFixes());
            }
        } finally {
            storage.discard();
        }
    }

    /** The folder of file banks: the system's temporary folder (the build's target/ in tests). */
    private static java.nio.file.Path storeFolder() {
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    }

    private Outcome runTask(MemoryPolicy policy, BenchTask task, List<CallRecord> calls, Tally tally) {
        Outcome outcome = Outcome.FAILED;
        for (int attempt = 1; attempt <= config.attempts() && outcome == Outcome.FAILED; attempt++) {
            int mark = calls.size();
            tally.lessonsBlock(policy.lessonsBlockTokens(task.task()));
            TaskResult result = policy.attempt(task.task());
            tally.attempt(task.failureClass().id(), task.task().call(), List.copyOf(calls.subList(mark, calls.size())), result.learningNanos());
            outcome = result.outcome();
        }
        policy.endTask();
        return outcome;
    }

    /**
     * Runs {@code warmupTasks} tasks with the {@code bank} policy, unmeasured, cycling through the stream
     * (each pass in a fresh world), so that the JIT has compiled the learning loop, its rare reflection
     * path included, before any policy is timed: the overhead figures are steady-state ones, as JMH's.
     */
    private void warmUp(Scenario scenario) {
        int remaining = config.warmupTasks();
        while (remaining > 0) {
            List<BenchTask> pass = scenario.tasks().subList(0, Math.min(remaining, scenario.tasks().size()));
            run(registry.factory("bank"), new Scenario(pass, scenario.outages()), done -> {});
            remaining -= pass.size();
        }
    }
}
