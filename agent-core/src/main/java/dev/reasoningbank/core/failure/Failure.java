package dev.reasoningbank.core.failure;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.ErrorSignature;
import dev.reasoningbank.core.redact.Fingerprint;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failed tool call, redacted: nothing in it is a secret, so it can be stored, logged and sent to a
 * model. Raw argument values survive only as fingerprints. Build it with {@link #of(ToolCall, Throwable)}.
 *
 * @param tool the tool that failed
 * @param arguments the call's arguments, redacted
 * @param fingerprints each argument's fingerprint, so a lesson can recognise the same value again
 * @param kind what went wrong
 * @param exceptionType the exception's class name
 * @param message the error message, redacted
 * @param trace the stack trace (causes included), redacted and cut to {@value #MAX_TRACE} characters
 * @param httpStatus the HTTP status, or 0
 * @param retryAfter what the server asked us to wait, or {@code null}
 * @param host the host that failed, or {@code null} when unknown
 */
public record Failure(
        String tool,
        Map<String, Object> arguments,
        Map<String, String> fingerprints,
        ErrorKind kind,
        String exceptionType,
        String message,
        String trace,
        int httpStatus,
        Duration retryAfter,
        String host) {

    public static final int MAX_MESSAGE = 2_000;
    public static final int MAX_TRACE = 4_000;
    private static final int MAX_CAUSES = 5;
    private static final int FRAMES_PER_CAUSE = 8;

    public Failure {
        notBlank(tool, "tool");
        notNull(kind, "kind");
        Redactor redactor = Redactor.standard();
        arguments = Collections.unmodifiableMap(redactor.redactArguments(arguments == null ? Map.of() : arguments));
        fingerprints = fingerprints == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fingerprints));
        exceptionType = exceptionType == null ? "" : exceptionType;
        message = cut(redactor.redact(message == null ? "" : message), MAX_MESSAGE);
        trace = cut(redactor.redact(trace == null ? "" : trace), MAX_TRACE);
        host = host == null ? null : redactor.redact(host);
    }

    /** The failure of {@code call} with {@code error}, classified and redacted. */
    public static Failure of(ToolCall call, Throwable error) {
        notNull(call, "call");
        notNull(error, "error");
        List<String> secretValues = new ArrayList<>();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        call.arguments().forEach((name, value) -> {
            if (value != null) {
                fingerprints.put(name, Fingerprint.of(String.valueOf(value)));
                if (Redactor.isSecretName(name)) {
                    secretValues.add(String.valueOf(value));
                }
            }
        });
        Redactor redactor = Redactor.standard().withSecretValues(secretValues);
        ToolException toolException = find(error, ToolException.class).orElse(null);
        int status = toolException == null ? 0 : toolException.status();
        Duration retryAfter = toolException == null ? null : toolException.retryAfter().orElse(null);
        String host = toolException != null && toolException.host().isPresent()
                ? toolException.host().get()
                : HostNames.inArguments(call.arguments()).orElse(null);
        return new Failure(
                call.tool(),
                call.arguments(),
                fingerprints,
                ErrorClassifier.classify(error),
                error.getClass().getName(),
                redactor.redact(messageOf(error)),
                traceOf(error, redactor),
                status,
                retryAfter,
                host);
    }

    /** A failure judged from a result that did not throw but is wrong. */
    public static Failure wrongResult(ToolCall call, String verdict) {
        return of(call, new WrongResultException(verdict));
    }

    /** The normalized signature of the message: what recurs when the mistake recurs. */
    public String signature() {
        return ErrorSignature.of(message);
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> failedHost() {
        return Optional.ofNullable(host);
    }

    /** One line, safe to log. */
    public String summary() {
        return tool + " failed (" + kind + (httpStatus > 0 ? ", HTTP " + httpStatus : "") + "): " + cut(message, 300);
    }

    private static String messageOf(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
            String m = t.getMessage();
            String part = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
            if (out.indexOf(part) < 0) {
                if (out.length() > 0) {
                    out.append(" <- ");
                }
                out.append(part);
            }
        }
        return out.toString();
    }

    /** A compact trace: each exception of the cause chain with its first frames, like a cut printStackTrace. */
    private static String traceOf(Throwable error, Redactor redactor) {
        StringBuilder out = new StringBuilder(1024);
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES && out.length() < 4 * MAX_TRACE; depth++, t = t.getCause()) {
            out.append(depth == 0 ? "" : "Caused by: ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                out.append(": ").append(cut(redactor.redact(t.getMessage()), 500));
            }
            out.append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_CAUSE); i++) {
                out.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > FRAMES_PER_CAUSE) {
                out.append("\t... ").append(frames.length - FRAMES_PER_CAUSE).append(" more\n");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }

    static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The verdict of a judge on a result that did not throw. */
    public static final class WrongResultException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WrongResultException(String verdict) {
            super(verdict);
        }
    }
}
