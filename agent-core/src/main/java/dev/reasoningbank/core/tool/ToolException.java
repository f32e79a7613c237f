package dev.reasoningbank.core.tool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tool's failure with what the server answered: the HTTP status, the response headers and body, the
 * host that failed. Tools may throw any exception (their HTTP client's own ones are understood too);
 * this one is the explicit way to say exactly what happened.
 *
 * <pre>{@code
 * if (response.statusCode() >= 400) {
 *     throw ToolException.response(response.statusCode(), response.headers().map(), response.body(), "api.example.com");
 * }
 * }</pre>
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable Duration retryAfter;
    private final @Nullable String host;
    private final Map<String, List<String>> headers;
    private final @Nullable String body;

    public ToolException(String message, int status, @Nullable Duration retryAfter, @Nullable String host, @Nullable Throwable cause) {
        this(message, status, retryAfter, host, Map.of(), null, cause);
    }

    private ToolException(String message, int status, @Nullable Duration retryAfter, @Nullable String host,
            @Nullable Map<String, List<String>> headers, @Nullable String body, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.host = host;
        this.headers = headers == null ? Map.of() : headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()), (a, b) -> a));
        this.body = body;
    }

    public static ToolException http(int status, String message, String host) {
        return new ToolException(message, status, null, host, null);
    }

    public static ToolException rateLimited(String message, Duration retryAfter, String host) {
        return new ToolException(message, 429, retryAfter, host, null);
    }

    /** An HTTP error response as the server sent it; its message, Retry-After and the rest are read from it. */
    public static ToolException response(int status, Map<String, List<String>> headers, String body, String host) {
        return new ToolException("HTTP " + status + " from " + host, status, null, host, headers, body, null);
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The response headers, empty when not given. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The raw response body, when given. */
    public Optional<String> body() {
        return Optional.ofNullable(body);
    }
}
