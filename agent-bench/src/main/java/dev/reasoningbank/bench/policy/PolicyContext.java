package dev.reasoningbank.bench.policy;

import dev.reasoningbank.core.agent.Sleeper;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What every policy gets, identically: the tools (already instrumented by the runner), the
 * deployment's credentials, the scenario clock and a sleeper that advances it.
 *
 * @param tools the tools to call; calls are recorded by the runner
 * @param parameters the credentials a {@code ReplaceParam} lesson may take
 * @param clock the scenario clock, for the bank's expiries
 * @param sleeper waits on the scenario clock
 * @param skipFor how long a host that refused a connection is skipped before a probe
 * @param preload synthetic lessons to put in a persistent bank before the run (overhead measurement)
 * @param preloadTools how many tools the synthetic lessons are spread over (the four scenario tools included)
 * @param statsFlushInterval how long a bank keeps usage counters in memory before writing them
 */
public record PolicyContext(
        List<Tool> tools, ParameterSource parameters, Clock clock, Sleeper sleeper, Duration skipFor, int preload, int preloadTools,
        Duration statsFlushInterval) {

    public PolicyContext {
        tools = List.copyOf(tools);
    }
}
