package dev.reasoningbank.bench.policy;

import dev.reasoningbank.core.agent.Sleeper;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What every policy gets, identically: the tools (already instrumented by the runner), the
 * deployment's credentials, the scenario clock and a sleeper that advances it.
 *
 * @param tools the tools to call; calls are recorded by the runner
 * @param deployment the credentials, the reflector's configuration and the oracle's lessons of the track
 * @param clock the scenario clock, for the bank's expiries
 * @param sleeper waits on the scenario clock
 * @param skipFor how long a host that refused a connection is skipped before a probe
 * @param preload synthetic lessons to put in a persistent bank before the run (overhead measurement)
 * @param preloadTools how many tools the synthetic lessons are spread over (the four scenario tools included)
 * @param statsFlushInterval how long a bank keeps usage counters in memory before writing them
 * @param storage where a bank lives: in memory, or in a file or database, so that a policy created again
 *     over it is a restart and memorize pays for its durable write
 */
public record PolicyContext(
        List<Tool> tools, Deployment deployment, Clock clock, Sleeper sleeper, Duration skipFor, int preload, int preloadTools,
        Duration statsFlushInterval, BankStorage storage) {

    public PolicyContext {
        tools = List.copyOf(tools);
    }

    /** The credentials a {@code ReplaceParam} lesson may take. */
    public ParameterSource parameters() {
        return deployment.parameters();
    }

    /** The deployment's rule-based reflector. */
    public RuleBasedReflector rules() {
        return deployment.rules().apply(skipFor).build();
    }
}
