package dev.reasoningbank.examples.demo;

import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code weather} tool: {@code GET /v1/weather?city=...} with the key in {@code X-Api-Key}, over
 * real HTTP. Parameters: {@code host}, {@code city}, {@code apiKey}. Failures are {@link ToolException}s
 * carrying the status, the Retry-After and the host.
 */
public final class WeatherTool implements Tool {

    private final Function<String, InetSocketAddress> resolver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public WeatherTool(Function<String, InetSocketAddress> resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "weather";
    }

    @Override
    public List<String> parameters() {
        return List.of("host", "city", "apiKey");
    }

    @Override
    public Object invoke(Map<String, Object> arguments) throws Exception {
        String host = String.valueOf(arguments.get("host"));
        String city = String.valueOf(arguments.getOrDefault("city", ""));
        InetSocketAddress address = resolver.apply(host);
        if (address == null) {
            throw new ToolException("cannot resolve " + host, 0, null, host, new UnknownHostException(host));
        }
        URI uri = URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/v1/weather?city="
                + URLEncoder.encode(city, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5))
                .header("X-Api-Key", String.valueOf(arguments.getOrDefault("apiKey", "")))
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            throw new ToolException("cannot reach " + host + ": connection refused", 0, null, host, refused);
        } catch (IOException e) {
            throw new ToolException("cannot reach " + host + ": " + e.getMessage(), 0, null, host, e);
        }
        if (response.statusCode() >= 400) {
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(WeatherTool::seconds).orElse(null);
            throw new ToolException("HTTP " + response.statusCode() + " from " + host + ": " + response.body(),
                    response.statusCode(), retryAfter, host, null);
        }
        return response.body();
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
