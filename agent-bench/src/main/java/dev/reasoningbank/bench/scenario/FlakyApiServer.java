package dev.reasoningbank.bench.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Four real HTTP APIs on the loopback interface (JDK server), failing the way public APIs do:
 * calendar also rejects a range at the very bound it documents (31 days) and wants {@code at} as an
 * ISO-8601 timestamp; weather (case-sensitive unit, long forecasts that time out at the gateway: a 504 at once, so that no
 * figure depends on how fast this machine is), calendar (expired key 401, date format 400),
 * search (429 with Retry-After, 410 on v1, page size 400) and payments (missing currency 400, refund
 * scope 403, transient 503). Time comes from the scenario's clock.
 */
public final class FlakyApiServer implements AutoCloseable {

    static {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Seconds a throttled search asks the client to wait. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private volatile Instant searchThrottledUntil = Instant.MIN;
    private final AtomicInteger paymentBlips = new AtomicInteger();
    private final AtomicInteger wrongFixes = new AtomicInteger();
    private volatile Map<String, LocalDate> expected = Map.of();

    private FlakyApiServer(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flaky-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/weather/", exchange -> handle(exchange, this::weather));
        server.createContext("/calendar/", exchange -> handle(exchange, this::calendar));
        server.createContext("/search/", exchange -> handle(exchange, this::search));
        server.createContext("/payments/", exchange -> handle(exchange, this::payments));
        server.start();
    }

    /** Starts the APIs on a free loopback port; time comes from {@code clock}. */
    public static FlakyApiServer start(Clock clock) {
        try {
            return new FlakyApiServer(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local API server", e);
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Other clients exhausted the search quota: search answers 429 for the next few seconds. */
    public void throttleSearch() {
        searchThrottledUntil = clock.instant().plusSeconds(RETRY_AFTER_SECONDS);
    }

    /** The next {@code count} payment requests answer 503, then it recovers. */
    public void blipPayments(int count) {
        paymentBlips.set(count);
    }

    private record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        static Reply error(int status, String message) {
            return new Reply(status, "{\"error\":\"" + message + "\"}", Map.of());
        }
    }

    @FunctionalInterface
    private interface Api {
        Reply answer(String path, Map<String, String> query, HttpExchange exchange);
    }

    private Reply weather(String path, Map<String, String> q, HttpExchange exchange) {
        String unit = q.getOrDefault("unit", "CELSIUS");
        if (!Fixture.UNITS.contains(unit)) {
            return Reply.error(400, "unit must be one of [CELSIUS, FAHRENHEIT]");
        }
        int days = Integer.parseInt(q.getOrDefault("days", "1"));
        if (days > Fixture.MAX_FORECAST_DAYS) {
            // what an API gateway answers when the backend takes longer than it waits (AWS API Gateway's 504)
            return new Reply(504, "{\"message\": \"Endpoint request timed out\"}", Map.of());
        }
        String city = q.getOrDefault("city", "");
        int temperature = Math.floorMod(city.hashCode(), 30) - 5;
        return Reply.ok("{\"city\":\"" + city + "\",\"days\":" + days + ",\"temperature\":" + temperature + ",\"unit\":\"" + unit + "\"}");
    }

    private Reply calendar(String path, Map<String, String> q, HttpExchange exchange) {
        if (!Fixture.CALENDAR_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
            return Reply.error(401, "API key has expired; create a new key in the console");
        }
        if (q.containsKey("days") && Integer.parseInt(q.get("days").trim()) > Fixture.MAX_CALENDAR_DAYS) {
            // the documented bound is off by one: the server rejects 31 as well
            return Reply.error(400, "days must be at most " + (Fixture.MAX_CALENDAR_DAYS + 1));
        }
        LocalDate at = null;
        if (q.containsKey("at")) {
            try {
                at = OffsetDateTime.parse(q.get("at")).toLocalDate();
            } catch (DateTimeParseException e) {
                return Reply.error(400, "at must be an ISO-8601 timestamp");
            }
        }
        try {
            LocalDate date = LocalDate.parse(q.getOrDefault("date", ""));
            meant("date", date);
            if (at != null) {
                meant("at", at);
            }
            return Reply.ok("{\"date\":\"" + date + "\",\"events\":[]}");
        } catch (DateTimeParseException e) {
            return Reply.error(400, "date must be in format YYYY-MM-DD");
        }
    }

    /** Counts a wrong fix when an accepted date is not the one the task meant. */
    private void meant(String parameter, LocalDate accepted) {
        LocalDate intended = expected.get(parameter);
        if (intended != null && !intended.equals(accepted)) {
            wrongFixes.incrementAndGet();
        }
    }

    /** The dates the next task means, so that a call accepted with another date counts as a wrong fix. */
    public void expect(Map<String, LocalDate> dates) {
        expected = Map.copyOf(dates);
    }

    /** Calls the APIs accepted although they meant something other than the task asked. */
    public int wrongFixes() {
        return wrongFixes.get();
    }

    private Reply search(String path, Map<String, String> q, HttpExchange exchange) {
        if (clock.instant().isBefore(searchThrottledUntil)) {
            return new Reply(429, "{\"error\":\"rate limit exceeded for this API key\"}",
                    Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
        }
        if (path.equals("/search" + Fixture.SEARCH_V1)) {
            return Reply.error(410, Fixture.SEARCH_V1 + " is deprecated and no longer available; use " + Fixture.SEARCH_V2);
        }
        if (!path.equals("/search" + Fixture.SEARCH_V2)) {
            return Reply.error(404, "no such endpoint");
        }
        int limit = Integer.parseInt(q.getOrDefault("limit", "10"));
        if (limit > Fixture.MAX_SEARCH_LIMIT) {
            return Reply.error(400, "limit must be <= " + Fixture.MAX_SEARCH_LIMIT);
        }
        return Reply.ok("{\"query\":\"" + q.getOrDefault("q", "") + "\",\"results\":" + Math.min(limit, 3) + "}");
    }

    private Reply payments(String path, Map<String, String> q, HttpExchange exchange) {
        if (paymentBlips.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Reply.error(503, "service temporarily unavailable");
        }
        String token = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("Bearer ", "");
        boolean refund = path.endsWith("/refund");
        if (!token.equals(Fixture.CHARGE_TOKEN) && !token.equals(Fixture.REFUND_TOKEN)) {
            return Reply.error(401, "invalid token");
        }
        if (refund && !token.equals(Fixture.REFUND_TOKEN)) {
            return Reply.error(403, "insufficient scope: refunds require payments:refund");
        }
        if (q.getOrDefault("currency", "").isBlank()) {
            return Reply.error(400, "currency is required (default: " + Fixture.DEFAULT_CURRENCY + ")");
        }
        return Reply.ok("{\"operation\":\"" + (refund ? "refund" : "charge") + "\",\"amount\":" + q.getOrDefault("amount", "0")
                + ",\"currency\":\"" + q.get("currency") + "\"}");
    }

    private static void handle(HttpExchange exchange, Api api) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = api.answer(exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()), exchange);
            } catch (RuntimeException e) {
                reply = Reply.error(400, "malformed request");
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        }
    }

    /** The parameters of a raw query string, decoded; a pair without a name is left out. */
    public static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
