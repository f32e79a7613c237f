package dev.reasoningbank.core.agent;

/** How a task ended. */
public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** Not attempted: a lesson said the call could not succeed now (e.g. its host is down). */
    SKIPPED
}
