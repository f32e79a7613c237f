package dev.reasoningbank.bench.scenario;

import dev.reasoningbank.core.agent.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The scenario's time: it moves only when the runner starts a task or the agent sleeps, so a host
 * coming back or a Retry-After passes in no real time and every run is deterministic. Thread-safe.
 */
public final class BenchClock extends Clock {

    private volatile Instant now;

    public BenchClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Moves the clock forward to {@code instant}; never backwards. */
    public synchronized void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    /** A sleeper that advances this clock instead of waiting. */
    public Sleeper sleeper() {
        return this::advance;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
