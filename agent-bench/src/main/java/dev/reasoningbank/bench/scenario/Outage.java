package dev.reasoningbank.bench.scenario;

import java.time.Instant;

/**
 * A host refusing connections from {@code from} (inclusive) to {@code until} (exclusive).
 *
 * @param host the host that is down
 * @param from when it goes down
 * @param until when it comes back
 */
public record Outage(String host, Instant from, Instant until) {

    public boolean covers(String name, Instant at) {
        return host.equalsIgnoreCase(name) && !at.isBefore(from) && at.isBefore(until);
    }
}
