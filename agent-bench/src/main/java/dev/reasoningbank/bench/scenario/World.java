package dev.reasoningbank.bench.scenario;

import dev.reasoningbank.core.agent.ManualClock;
import dev.reasoningbank.core.tool.Tool;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a policy runs against, fresh for each policy: the scenario clock, the local API server,
 * name resolution with the outages, and the four tools calling them over real sockets.
 */
public final class World implements AutoCloseable {

    private final ManualClock clock;
    private final FlakyApiServer server;
    private final Hosts hosts;
    private final List<ApiTool> tools;

    public World(Instant start, List<Outage> outages, Duration requestTimeout) {
        this.clock = new ManualClock(start);
        this.server = FlakyApiServer.start(clock);
        this.hosts = new Hosts(server.address(), Hosts.closedLocalPort(), outages, clock);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.tools = ApiTools.all(hosts, http, requestTimeout);
    }

    public ManualClock clock() {
        return clock;
    }

    public Hosts hosts() {
        return hosts;
    }

    public List<ApiTool> tools() {
        return tools;
    }

    public ApiTool tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool named '" + name + "'"));
    }

    /** Brings the world to the task's start: the clock moves, the APIs change as the task's setup says. */
    public void prepare(BenchTask task) {
        clock.advanceTo(task.startsAt());
        server.expect(Map.of());
        apply(task.setup());
    }

    /** Calls the APIs accepted with a meaning the task did not ask for. */
    public int wrongFixes() {
        return server.wrongFixes();
    }

    /** Changes the APIs as {@code setup} says, now. */
    public void apply(BenchTask.Setup setup) {
        setup.applyTo(server);
    }

    /** Calls every healthy API once, so that class loading and connection set-up never meet a timeout. */
    public void warmUp() {
        for (Tool tool : tools) {
            try {
                tool.invoke(switch (tool.name()) {
                    case ApiTools.WEATHER -> new java.util.HashMap<>(java.util.Map.of("host", Fixture.WEATHER_US, "city", "Oslo"));
                    case ApiTools.CALENDAR -> new java.util.HashMap<>(java.util.Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "2026-01-01"));
                    case ApiTools.SEARCH -> new java.util.HashMap<>(java.util.Map.of("endpoint", Fixture.SEARCH_V2, "q", "warm"));
                    default -> new java.util.HashMap<>(java.util.Map.of("token", Fixture.CHARGE_TOKEN, "currency", "EUR"));
                });
            } catch (Exception e) {
                throw new IllegalStateException("the local " + tool.name() + " API does not answer: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
