package dev.reasoningbank.bench;

import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.run.BenchRunner;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.run.ProgressListener;
import dev.reasoningbank.bench.scenario.BenchTask;
import dev.reasoningbank.bench.scenario.FailureClass;
import dev.reasoningbank.bench.scenario.Outage;
import dev.reasoningbank.bench.scenario.Scenario;
import dev.reasoningbank.core.agent.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made traces: tasks at chosen scenario minutes, run through the real runner and sockets. */
public final class Traces {

    public static final BenchConfig CONFIG = BenchConfig.reference().withWarmupTasks(0);
    public static final Instant START = CONFIG.start();
    /** The standard policies, offline whatever the environment says: bank-llm uses the scripted model. */
    public static final Registry REGISTRY = Registry.standard(Map.of());

    private final List<BenchTask> tasks = new ArrayList<>();
    private final List<Outage> outages = new ArrayList<>();

    public static Traces trace() {
        return new Traces();
    }

    /** A task starting {@code minute} minutes after the start. */
    public Traces at(int minute, FailureClass type, String tool, Map<String, Object> arguments) {
        return at(minute, type, BenchTask.Setup.NONE, tool, arguments);
    }

    public Traces at(int minute, FailureClass type, BenchTask.Setup setup, String tool, Map<String, Object> arguments) {
        int index = tasks.size();
        tasks.add(new BenchTask(index, type, minute(minute), setup, Task.of("T" + (index + 1), "trace task", tool, arguments)));
        return this;
    }

    public Traces hostDown(String host, int fromMinute, int untilMinute) {
        outages.add(new Outage(host, minute(fromMinute), minute(untilMinute)));
        return this;
    }

    public PolicyResult run(String policy) {
        return run(REGISTRY.factory(policy));
    }

    /** Runs any policy, e.g. one made for the test. */
    public PolicyResult run(PolicyFactory factory) {
        return new BenchRunner(CONFIG, REGISTRY, ProgressListener.SILENT).run(factory, new Scenario(tasks, outages), done -> {});
    }

    public static Instant minute(int minute) {
        return START.plus(Duration.ofMinutes(minute));
    }
}
