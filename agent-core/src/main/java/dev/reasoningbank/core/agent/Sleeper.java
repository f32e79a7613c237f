package dev.reasoningbank.core.agent;

import java.time.Duration;

/** Waits between retries; injected so that tests and benchmarks can advance a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
