package dev.reasoningbank.bench.scenario;

import java.util.List;

/**
 * A task stream and the outages it runs through.
 *
 * @param tasks the tasks in order
 * @param outages when hosts are down
 */
public record Scenario(List<BenchTask> tasks, List<Outage> outages) {

    public Scenario {
        tasks = List.copyOf(tasks);
        outages = List.copyOf(outages);
    }
}
