package dev.reasoningbank.core.agent;

/** How a task ended. */
public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** Not attempted: a lesson said the call could not succeed now (e.g. its host is down). */
    SKIPPED,
    /** Not attempted: this very call failed before in a way the agent could not fix by itself. */
    REFUSED
}
