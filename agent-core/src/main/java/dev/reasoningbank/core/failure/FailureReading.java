package dev.reasoningbank.core.failure;

import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.tool.ToolException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What an exception says about a failed call, before redaction: the one place that reads it. */
record FailureReading(
        Optional<ErrorResponse> response,
        ErrorBody said,
        String message,
        Map<String, String> headers,
        Optional<Duration> retryAfter,
        Optional<String> host,
        RootCause rootCause,
        ErrorKind kind) {

    /** Headers that hold a server's error in words when its answer has no body. */
    private static final List<String> MESSAGE_HEADERS = List.of("message", "error-message", "x-error-message", "error", "x-error", "x-message");

    int status() {
        return response.map(ErrorResponse::status).orElse(0);
    }

    static FailureReading of(Throwable error, Instant now) {
        List<Throwable> all = Throwables.all(error);
        Optional<ErrorResponse> response = ErrorResponses.in(error);
        ErrorBody said = response.map(r -> headerMessage(r, all).orElseGet(() -> bodyOf(r.body()))).orElseGet(() -> embeddedBody(all));
        Map<String, String> headers = response.map(ResponseHints::kept).orElse(Map.of());
        Optional<ToolException> explicit = all.stream().filter(ToolException.class::isInstance).map(ToolException.class::cast).findFirst();
        Optional<Duration> retryAfter = explicit.flatMap(ToolException::retryAfter)
                .or(() -> ResponseHints.retryAfter(headers, response.flatMap(r -> r.header("date")).orElse(null), now));
        RootCause rootCause = response.isPresent() ? RootCause.NONE : RootCause.of(error);
        String message = !said.message().isEmpty() ? said.message()
                : rootCause != RootCause.NONE ? rootCause.sentence() + firstMessage(all).map(m -> ": " + m).orElse("")
                : messageChain(all);
        Optional<String> host = explicit.flatMap(ToolException::host)
                .or(() -> response.map(ErrorResponse::url).filter(u -> !u.isEmpty()).map(ArgumentCondition::hostOf))
                .or(() -> Optional.of(ErrorResponses.urlIn(all)).filter(u -> !u.isEmpty()).map(ArgumentCondition::hostOf))
                .or(() -> unresolvedHost(all))
                .filter(h -> !h.isBlank());
        int status = response.map(ErrorResponse::status).orElse(0);
        ErrorKind kind = ErrorClassifier.kindOf(all, status, headers, said, message, rootCause);
        if (kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.SERVER_ERROR || kind == ErrorKind.TIMEOUT) {
            retryAfter = retryAfter.or(() -> ResponseHints.statedWait(message)); // "try again in 30 seconds", when no header says
        }
        return new FailureReading(response, said, message, headers, retryAfter, host, rootCause, kind);
    }

    /**
     * The error of an answer with no body (its client's exception message stands in for one), in the header some
     * servers write it to (NIST's NVD: {@code message: Invalid apiKey.}).
     */
    private static Optional<ErrorBody> headerMessage(ErrorResponse response, List<Throwable> all) {
        if (!response.body().isBlank() && all.stream().noneMatch(t -> response.body().equals(t.getMessage()))) {
            return Optional.empty();
        }
        return MESSAGE_HEADERS.stream().flatMap(name -> response.header(name).stream()).filter(value -> !value.isBlank())
                .findFirst().map(ErrorBody::parse);
    }

    /** The body's error; a body that is not JSON, XML or HTML may still hold one after a prefix. */
    private static ErrorBody bodyOf(String body) {
        String trimmed = body.strip();
        if (!trimmed.isEmpty() && "{[<".indexOf(trimmed.charAt(0)) >= 0) {
            ErrorBody parsed = ErrorBody.parse(trimmed);
            if (!parsed.isEmpty()) {
                return parsed;
            }
        }
        return ErrorBody.embeddedIn(trimmed).orElseGet(() -> ErrorBody.parse(trimmed));
    }

    /** An error body written into an exception message by a tool that got an answer but no status (Slack's 200 with ok=false). */
    private static ErrorBody embeddedBody(List<Throwable> all) {
        for (Throwable t : all) {
            Optional<ErrorBody> body = ErrorBody.embeddedIn(t.getMessage());
            if (body.isPresent()) {
                return body.get();
            }
        }
        return ErrorBody.parse("");
    }

    /** The first message of the chain that says more than the exception's class, cut to one line. */
    private static Optional<String> firstMessage(List<Throwable> all) {
        return all.stream().map(Throwable::getMessage).filter(m -> m != null && !m.isBlank())
                .map(m -> m.length() > 300 ? m.substring(0, 300) : m)
                .map(m -> m.replaceAll("\\s+", " ").strip())
                .findFirst();
    }

    /** The messages of the chain, each once, in linear time. */
    private static String messageChain(List<Throwable> all) {
        StringBuilder out = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (Throwable t : all) {
            String m = t.getMessage();
            String part = m == null || m.isBlank() ? t.getClass().getSimpleName() : m.length() > 1_000 ? m.substring(0, 1_000) : m;
            if (seen.add(part) && (out.length() == 0 || out.indexOf(part) < 0) && out.length() < 4_000) {
                out.append(out.length() > 0 ? " <- " : "").append(part);
            }
        }
        return out.toString();
    }

    /** {@code UnknownHostException: api.example.invalid: Name or service not known}. */
    private static Optional<String> unresolvedHost(List<Throwable> all) {
        return all.stream().filter(UnknownHostException.class::isInstance).map(Throwable::getMessage)
                .filter(m -> m != null && !m.isBlank())
                .map(m -> m.split("[:\\s]", 2)[0])
                .filter(h -> h.contains("."))
                .findFirst();
    }
}
