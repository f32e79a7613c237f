package dev.reasoningbank.core.failure;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.ErrorSignature;
import dev.reasoningbank.core.redact.Fingerprint;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failed tool call, understood and redacted: nothing in it is a secret, so it can be stored, logged
 * and sent to a model. Raw argument values survive only as fingerprints. Build it with
 * {@link #of(ToolCall, Throwable)}: it reads the server's message apart from the transport noise (JSON,
 * problem+json, GraphQL, XML, HTML or text), the status and useful headers of an HTTP error, whichever
 * client threw it, and the root cause of a call that got no answer.
 *
 * @param tool the tool that failed
 * @param arguments the call's arguments, redacted
 * @param fingerprints each argument's fingerprint, so a lesson can recognise the same value again
 * @param kind what went wrong
 * @param exceptionType the exception's class name
 * @param message what the server said (the message of its error body) when it answered, else the
 *     exception messages of the cause chain; redacted
 * @param trace the stack trace (causes included), redacted and cut to {@value #MAX_TRACE} characters
 * @param httpStatus the HTTP status, or 0
 * @param retryAfter what the server asked us to wait, or {@code null}
 * @param host the host that failed, or {@code null} when unknown
 * @param errorCode the server's machine-readable error code, or empty
 * @param errorField the parameter the server's error names, or empty
 * @param headers the useful response headers (Retry-After, rate limits, deprecation, Link...), redacted
 * @param rootCause why the call got no answer, {@link RootCause#NONE} when it got one
 * @param body the response body, redacted and cut to {@value #MAX_BODY} characters; empty when unknown
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
        @Nullable Duration retryAfter,
        @Nullable String host,
        String errorCode,
        String errorField,
        Map<String, String> headers,
        RootCause rootCause,
        String body) {

    public static final int MAX_MESSAGE = 2_000;
    public static final int MAX_TRACE = 4_000;
    public static final int MAX_BODY = 1_000;
    /** The longest argument value a failure keeps (a 10 MB argument is never sent to a model whole). */
    public static final int MAX_ARGUMENT = 500;
    private static final int MAX_CAUSES = 5;
    private static final int FRAMES_PER_CAUSE = 8;

    public Failure {
        notBlank(tool, "tool");
        notNull(kind, "kind");
        Redactor redactor = Redactor.standard();
        Map<String, Object> bounded = new LinkedHashMap<>();
        redactor.redactArguments(arguments == null ? Map.of() : arguments).forEach((name, value) ->
                bounded.put(name, value instanceof String text ? cut(neutral(text, false), MAX_ARGUMENT) : value));
        arguments = Collections.unmodifiableMap(bounded);
        fingerprints = fingerprints == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fingerprints));
        exceptionType = exceptionType == null ? "" : exceptionType;
        message = cut(neutral(redactor.redact(message == null ? "" : message), false), MAX_MESSAGE);
        trace = cut(neutral(redactor.redact(trace == null ? "" : trace), true), MAX_TRACE);
        host = host == null ? null : neutral(redactor.redact(host), false);
        errorCode = cut(neutral(redactor.redact(errorCode == null ? "" : errorCode), false), 100);
        errorField = cut(neutral(redactor.redact(errorField == null ? "" : errorField), false), 100);
        Map<String, String> kept = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> kept.put(neutral(name, false), cut(neutral(redactor.redact(value), false), 300)));
        }
        headers = Collections.unmodifiableMap(kept);
        rootCause = rootCause == null ? RootCause.NONE : rootCause;
        body = cut(neutral(redactor.redact(body == null ? "" : body), true), MAX_BODY);
    }

    /**
     * Server text made harmless to show: control characters (ANSI escapes among them) and bidirectional
     * overrides become a visible {@code [U+XXXX]}; line breaks become spaces unless {@code keepLines}, so
     * that a message can never forge a line of the agent's own output.
     */
    static String neutral(String text, boolean keepLines) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean line = c == '\n' || c == '\r';
            boolean bad = Character.isISOControl(c) && !(keepLines && (c == '\n' || c == '\t')) && !(c == '\t' || line)
                    || c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069';
            boolean flatten = line && !keepLines || c == '\t' && !keepLines;
            if (bad || flatten) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(flatten ? " " : String.format("[U+%04X]", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A failure with no HTTP details: for tests and failures that are not calls over HTTP. */
    public Failure(String tool, Map<String, Object> arguments, Map<String, String> fingerprints, ErrorKind kind,
            String exceptionType, String message, String trace, int httpStatus, @Nullable Duration retryAfter, @Nullable String host) {
        this(tool, arguments, fingerprints, kind, exceptionType, message, trace, httpStatus, retryAfter, host,
                "", "", Map.of(), RootCause.NONE, "");
    }

    /** The failure of {@code call} with {@code error}, understood and redacted; waits measured on the system clock. */
    public static Failure of(ToolCall call, Throwable error) {
        return of(call, error, Clock.systemUTC());
    }

    /** The failure of {@code call} with {@code error}, understood and redacted; a Retry-After date is measured on {@code clock}. */
    public static Failure of(ToolCall call, Throwable error, Clock clock) {
        notNull(call, "call");
        notNull(error, "error");
        notNull(clock, "clock");
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
        FailureReading reading = FailureReading.of(error, clock.instant());
        // what reading takes out of the raw texts may lose what gave a secret away (<password>X</password> read as X):
        // each secret found in the raw texts goes from every part of the failure
        for (String raw : rawTexts(error, reading)) {
            // (never the name of one of the call's own parameters, which its tool's schema makes public: Litestar's
            // {"message": "Invalid RFC3339 encoded date", "key": "start_date"} names the field, it holds no key)
            Redactor.standard().secretsIn(raw.length() <= MAX_RAW ? raw : raw.substring(0, MAX_RAW)).stream()
                    .filter(found -> !call.arguments().containsKey(found))
                    .forEach(secretValues::add);
        }
        Redactor redactor = Redactor.standard().withSecretValues(secretValues);
        String host = reading.host().orElseGet(() -> HostNames.inArguments(call.arguments()).orElse(null));
        return new Failure(
                call.tool(),
                call.arguments(),
                fingerprints,
                reading.kind(),
                error.getClass().getName(),
                redactor.redact(reading.message()),
                traceOf(error, redactor),
                reading.status(),
                reading.retryAfter().orElse(null),
                host == null ? null : redactor.redact(host),
                redactor.redact(reading.said().code()),
                redactor.redact(reading.said().field()),
                redactValues(reading.headers(), redactor),
                reading.rootCause(),
                redactor.redact(reading.response().map(ErrorResponse::body).orElse("")));
    }

    /** The longest raw text looked at for secrets; what is read from beyond it is cut from the failure anyway. */
    private static final int MAX_RAW = 1 << 20;

    /** The exceptions' messages and the response's body, as the tool threw them. */
    private static List<String> rawTexts(Throwable error, FailureReading reading) {
        List<String> raw = new ArrayList<>();
        for (Throwable t : Throwables.all(error)) {
            if (t.getMessage() != null) {
                raw.add(t.getMessage());
            }
        }
        reading.response().ifPresent(response -> {
            raw.add(response.body());
            response.headers().values().forEach(raw::addAll); // an error some servers send in a header (message: ...)
        });
        return raw;
    }

    private static Map<String, String> redactValues(Map<String, String> headers, Redactor redactor) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, redactor.redact(value)));
        return out;
    }

    /** A failure judged from a result that did not throw but is wrong. */
    public static Failure wrongResult(ToolCall call, String verdict) {
        return of(call, new WrongResultException(verdict));
    }

    /**
     * What recurs when the same mistake recurs: the server's error code and message with values as
     * placeholders, the words that name the problem (and the call's parameter names) kept.
     */
    public String signature() {
        // a code the message already says, as a word of its own (a code 20 is not said by "at most 200")
        boolean said = !errorCode.isEmpty() && java.util.regex.Pattern.compile("(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(errorCode) + "(?![A-Za-z0-9])",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(message).find();
        String text = errorCode.isEmpty() || said ? message : "[" + errorCode + "] " + message;
        return ErrorSignature.of(text, arguments.keySet(), host == null ? java.util.Set.of() : java.util.Set.of(host));
    }

    /** The successor of a deprecated endpoint that the response's headers name (Link rel="successor-version", a 301's Location). */
    public Optional<String> successorHint() {
        return ResponseHints.successor(headers, httpStatus);
    }

    /** Whether the response's headers mark the endpoint deprecated (Deprecation, Sunset). */
    public boolean deprecatedByHeaders() {
        return ResponseHints.deprecated(headers);
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> failedHost() {
        return Optional.ofNullable(host);
    }

    /** One line, safe to log. */
    public String summary() {
        return tool + " failed (" + kind + (httpStatus > 0 ? ", HTTP " + httpStatus : "")
                + (rootCause == RootCause.NONE ? "" : ", " + rootCause) + "): " + cut(message, 300);
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
