package dev.reasoningbank.core.tool;

import java.time.Duration;
import java.util.Optional;

/**
 * A tool's failure with what the server said: an HTTP status, a Retry-After, the host that failed.
 * Tools may throw any exception; this one lets the reflector classify precisely.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Duration retryAfter;
    private final String host;

    public ToolException(String message, int status, Duration retryAfter, String host, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.host = host;
    }

    public static ToolException http(int status, String message, String host) {
        return new ToolException(message, status, null, host, null);
    }

    public static ToolException rateLimited(String message, Duration retryAfter, String host) {
        return new ToolException(message, 429, retryAfter, host, null);
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
}
