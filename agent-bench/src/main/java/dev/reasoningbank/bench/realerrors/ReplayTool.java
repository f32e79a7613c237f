package dev.reasoningbank.bench.realerrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reasoningbank.core.tool.Tool;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * A tool over one corpus API, written the plain way a user writes one: no unwrapping of the error. Half
 * the tools use the JDK {@code HttpClient} and put the status and raw body into an exception message,
 * the other half let Spring's {@code RestClient} throw its own exception. A body that reports an error
 * with HTTP 200 (Slack's {@code "ok": false}, GraphQL's {@code errors}, an OAuth {@code error}) is thrown as it came.
 */
public final class ReplayTool implements Tool {

    /** How a tool talks HTTP. */
    public enum Style { JDK_HTTP_CLIENT, SPRING_REST_CLIENT }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    private static final Duration TIMEOUT = Duration.ofSeconds(30); // a safety net, never reached on loopback
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final CorpusEntry entry;
    private final String baseUrl;
    private final Style style;
    private final RestClient rest;

    public ReplayTool(CorpusEntry entry, String baseUrl, Style style) {
        this.entry = entry;
        this.baseUrl = baseUrl;
        this.style = style;
        this.rest = style == Style.SPRING_REST_CLIENT ? RestClient.builder().baseUrl(baseUrl).build() : null;
    }

    /** One tool per entry: the entry's id names it, so that each documented failure is learned on its own. */
    @Override
    public String name() {
        return entry.id();
    }

    @Override
    public List<String> parameters() {
        return entry.parameters();
    }

    public Style style() {
        return style;
    }

    @Override
    public Object invoke(Map<String, Object> arguments) throws Exception {
        Map<String, Object> rest = new java.util.LinkedHashMap<>(arguments);
        String pathAndQuery = path(entry.operation().localPath(), rest) + query(rest);
        String body = style == Style.JDK_HTTP_CLIENT ? withJdkClient(pathAndQuery) : withRestClient(pathAndQuery);
        JsonNode json = parse(body);
        if (json != null && (json.path("ok").isBoolean() && !json.path("ok").asBoolean() || json.path("errors").size() > 0
                || json.hasNonNull("error"))) {
            throw new IllegalStateException(entry.tool() + " answered with an error: " + body);
        }
        return body;
    }

    private String withJdkClient(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT)
                .method(entry.operation().method(), HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException(entry.tool() + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String withRestClient(String pathAndQuery) {
        String body = rest.method(HttpMethod.valueOf(entry.operation().method())).uri(URI.create(baseUrl + pathAndQuery))
                .retrieve().body(String.class);
        return body == null ? "" : body;
    }

    /** The path with its {@code {variables}} filled from the arguments, which lose them. */
    static String path(String template, Map<String, Object> arguments) {
        java.util.regex.Matcher variable = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            Object value = arguments.remove(variable.group(1));
            String encoded = URLEncoder.encode(value == null ? "" : encode(value), StandardCharsets.UTF_8).replace("+", "%20");
            variable.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(encoded));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private static String query(Map<String, Object> arguments) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        arguments.forEach((name, value) -> {
            if (value != null) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(encode(value), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** An argument as it travels: scalars as text, anything else as JSON. */
    static String encode(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ReplayTool[" + entry.id() + ", " + style + "]";
    }
}
