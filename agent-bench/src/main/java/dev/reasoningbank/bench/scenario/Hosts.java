package dev.reasoningbank.bench.scenario;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scenario's name resolution: every known host points at the local API server, a host that is
 * down points at a closed local port (a real "connection refused"), and any other name, such as a
 * {@code .invalid} one, fails with {@link UnknownHostException} without asking a real resolver. No
 * traffic leaves the machine.
 */
public final class Hosts {

    private static final Set<String> SERVED = Set.of(
            Fixture.WEATHER_EU, Fixture.WEATHER_US, Fixture.WEATHER_AP2,
            Fixture.CALENDAR_HOST, Fixture.SEARCH_HOST, Fixture.PAYMENTS_HOST);

    private final InetSocketAddress server;
    private final InetSocketAddress closedPort;
    private final List<Outage> outages;
    private final Clock clock;

    public Hosts(InetSocketAddress server, InetSocketAddress closedPort, List<Outage> outages, Clock clock) {
        this.server = server;
        this.closedPort = closedPort;
        this.outages = List.copyOf(outages);
        this.clock = clock;
    }

    /** Where {@code host} points now. */
    public InetSocketAddress resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals(Fixture.WEATHER_LEGACY)) {
            return closedPort;
        }
        if (!SERVED.contains(name)) {
            throw new UnknownHostException(host + ": Name or service not known");
        }
        return isDown(name) ? closedPort : server;
    }

    /** Whether {@code host} accepts connections now: the ground truth for wrong skips. */
    public boolean acceptsConnections(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return SERVED.contains(name) && !isDown(name);
    }

    private boolean isDown(String name) {
        return outages.stream().anyMatch(o -> o.covers(name, clock.instant()));
    }

    /** A local port that refuses connections: bound once, then closed. */
    public static InetSocketAddress closedLocalPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot find a free local port", e);
        }
    }
}
