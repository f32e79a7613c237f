package dev.reasoningbank.core.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told to: for tests, simulations and benchmarks, where a host coming
 * back or a Retry-After should pass in no real time. Its {@link #sleeper()} advances it instead of
 * waiting. Thread-safe.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized ManualClock advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** Moves the clock forward to {@code instant}; never backwards. */
    public synchronized ManualClock advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
        return this;
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
