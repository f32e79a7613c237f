package dev.reasoningbank.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP weather API on the loopback interface that fails the way real APIs do: it rejects an
 * expired key with a 401 whose message echoes the key, and its archive host refuses connections.
 * Host names are resolved by {@link #resolve(String)}, so lessons about them stay valid across runs.
 */
public final class FlakyWeatherApi implements AutoCloseable {

    public static final String API_HOST = "api.weather.example";
    public static final String ARCHIVE_HOST = "archive.weather.example";

    private final HttpServer server;
    private final int closedPort;
    private final String validKey;
    private final AtomicInteger requests = new AtomicInteger();

    private FlakyWeatherApi(String validKey) throws IOException {
        this.validKey = validKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/v1/weather", this::weather);
        this.server.start();
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.closedPort = probe.getLocalPort();
        }
    }

    /** Starts the API; only {@code validKey} is accepted. */
    public static FlakyWeatherApi start(String validKey) throws IOException {
        return new FlakyWeatherApi(validKey);
    }

    /** Where a host name points: the API for {@link #API_HOST}, a closed port for {@link #ARCHIVE_HOST}. */
    public InetSocketAddress resolve(String host) {
        return switch (host) {
            case API_HOST -> server.getAddress();
            case ARCHIVE_HOST -> new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort);
            default -> null;
        };
    }

    /** How many requests reached the server. */
    public int requests() {
        return requests.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void weather(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (key == null || key.isBlank()) {
            respond(exchange, 401, "{\"error\":\"missing API key: send it in the X-Api-Key header\"}");
        } else if (!key.equals(validKey)) {
            respond(exchange, 401, "{\"error\":\"API key '" + key + "' has expired. Renew it in your account settings.\"}");
        } else if (query.getOrDefault("city", "").isBlank()) {
            respond(exchange, 400, "{\"error\":\"city is required\"}");
        } else {
            String city = query.get("city");
            int temperature = Math.floorMod(city.hashCode(), 30) - 5;
            respond(exchange, 200, "{\"city\":\"" + city + "\",\"temperatureC\":" + temperature + ",\"sky\":\"cloudy\"}");
        }
    }

    private static Map<String, String> query(String raw) {
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

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
