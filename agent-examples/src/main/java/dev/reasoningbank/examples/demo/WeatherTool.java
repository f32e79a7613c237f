package dev.reasoningbank.examples.demo;

import dev.reasoningbank.core.tool.Tool;
import java.io.IOException;
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
import java.util.function.Function;

/**
 * The {@code weather} tool: {@code GET /v1/weather?city=...} with the key in {@code X-Api-Key}, over
 * real HTTP, written the plain way a user writes one: the JDK client's exceptions fly as they are, and
 * an error response becomes an {@code IOException} with its status and raw body. Nothing in it is
 * designed around the library. Parameters: {@code host}, {@code city}, {@code apiKey}.
 */
public final class WeatherTool implements Tool {

    private final Function<String, InetSocketAddress> resolver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param resolver the demo's stand-in for DNS: its host names map to local ports that stay the same across runs */
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
        InetSocketAddress address = resolver.apply(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        URI uri = URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/v1/weather?city="
                + URLEncoder.encode(String.valueOf(arguments.getOrDefault("city", "")), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", String.valueOf(arguments.getOrDefault("apiKey", "")))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException("weather API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
