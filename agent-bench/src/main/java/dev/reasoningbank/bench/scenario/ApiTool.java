package dev.reasoningbank.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A tool that calls one of the scenario's HTTP APIs over {@code java.net.http}: its host comes from
 * the {@code host} argument or is fixed, query arguments become query parameters, credential
 * arguments become headers. Every failure is a {@link ToolException} with the status, the Retry-After,
 * the host and the cause (connection refused, unknown host, timeout).
 */
public final class ApiTool implements Tool {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a tool maps its arguments onto a request. */
    public record Spec(
            String name,
            List<String> parameters,
            String fixedHost,
            Function<Map<String, Object>, String> path,
            List<String> queryParameters,
            Map<String, String> headerPrefixes) {}

    private final Spec spec;
    private final Hosts hosts;
    private final HttpClient http;
    private final Duration timeout;

    public ApiTool(Spec spec, Hosts hosts, HttpClient http, Duration timeout) {
        this.spec = spec;
        this.hosts = hosts;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public List<String> parameters() {
        return spec.parameters();
    }

    /** The host a call with these arguments goes to. */
    public String hostFor(Map<String, ?> arguments) {
        return spec.fixedHost() != null ? spec.fixedHost() : String.valueOf(arguments.get("host"));
    }

    @Override
    public Object invoke(Map<String, Object> arguments) throws Exception {
        String host = hostFor(arguments);
        InetSocketAddress address;
        try {
            address = hosts.resolve(host);
        } catch (UnknownHostException e) {
            throw new ToolException("cannot resolve " + host + ": " + e.getMessage(), 0, null, host, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(address, arguments)).timeout(timeout).GET();
        spec.headerPrefixes().forEach((argument, header) -> {
            Object value = arguments.get(argument);
            if (value != null) {
                int colon = header.indexOf(':');
                request.header(header.substring(0, colon), header.substring(colon + 1) + value);
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            throw new ToolException("cannot reach " + host + ": connection refused", 0, null, host, refused);
        } catch (HttpTimeoutException slow) {
            throw new ToolException(host + " did not answer within " + timeout.toMillis() + " ms", 0, null, host, slow);
        } catch (IOException e) {
            throw new ToolException("cannot reach " + host + ": " + e.getMessage(), 0, null, host, e);
        }
        if (response.statusCode() >= 400) {
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(ApiTool::seconds).orElse(null);
            throw new ToolException("HTTP " + response.statusCode() + " from " + host + ": " + errorOf(response.body()),
                    response.statusCode(), retryAfter, host, null);
        }
        return response.body();
    }

    private URI uri(InetSocketAddress address, Map<String, Object> arguments) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String name : spec.queryParameters()) {
            Object value = arguments.get(name);
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        }
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + spec.path().apply(arguments) + query);
    }

    private static String errorOf(String body) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error == null ? body : error.asText();
        } catch (IOException notJson) {
            return body;
        }
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ApiTool[" + spec.name() + "]";
    }
}
