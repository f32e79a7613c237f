package dev.reasoningbank.core.agent;

/** Observes every phase of the learning loop: demos, logs, the CLI and benchmarks all listen here. */
@FunctionalInterface
public interface AgentListener {

    void onEvent(AgentEvent event);
}
