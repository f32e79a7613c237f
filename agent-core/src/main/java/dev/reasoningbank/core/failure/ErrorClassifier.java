package dev.reasoningbank.core.failure;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.tool.ToolException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Tells the {@link ErrorKind} of an exception: first by type and HTTP status, then by its message. */
public final class ErrorClassifier {

    private ErrorClassifier() {}

    public static ErrorKind classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ErrorKind byType = byType(t);
            if (byType != ErrorKind.UNKNOWN) {
                return byType;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ErrorKind byMessage = byMessage(t.getMessage());
            if (byMessage != ErrorKind.UNKNOWN) {
                return byMessage;
            }
        }
        return ErrorKind.UNKNOWN;
    }

    private static ErrorKind byType(Throwable t) {
        if (t instanceof Failure.WrongResultException) {
            return ErrorKind.WRONG_RESULT;
        }
        if (t instanceof ToolException te && te.status() > 0) {
            return byStatus(te.status());
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return ErrorKind.UNKNOWN_HOST;
        }
        if (t instanceof HttpConnectTimeoutException) {
            return ErrorKind.HOST_DOWN;
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return ErrorKind.HOST_DOWN;
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        return ErrorKind.UNKNOWN;
    }

    /** The kind an HTTP status stands for. */
    public static ErrorKind byStatus(int status) {
        return switch (status) {
            case 401 -> ErrorKind.AUTH;
            case 403 -> ErrorKind.FORBIDDEN;
            case 404, 410 -> ErrorKind.GONE;
            case 408, 504 -> ErrorKind.TIMEOUT;
            case 429 -> ErrorKind.RATE_LIMITED;
            case 400, 422 -> ErrorKind.VALIDATION;
            default -> status >= 500 ? ErrorKind.SERVER_ERROR : ErrorKind.UNKNOWN;
        };
    }

    private static ErrorKind byMessage(String message) {
        if (message == null) {
            return ErrorKind.UNKNOWN;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (containsAny(m, "expired", "unauthorized", "unauthorised", "invalid api key", "invalid token", "authentication")) {
            return ErrorKind.AUTH;
        }
        if (containsAny(m, "forbidden", "insufficient scope", "permission denied", "not permitted")) {
            return ErrorKind.FORBIDDEN;
        }
        if (containsAny(m, "rate limit", "too many requests", "quota exceeded")) {
            return ErrorKind.RATE_LIMITED;
        }
        if (containsAny(m, "connection refused", "host is down", "unreachable", "no route to host")) {
            return ErrorKind.HOST_DOWN;
        }
        if (containsAny(m, "unknown host", "name or service not known", "nodename nor servname", "could not resolve")) {
            return ErrorKind.UNKNOWN_HOST;
        }
        if (containsAny(m, "timed out", "timeout")) {
            return ErrorKind.TIMEOUT;
        }
        if (containsAny(m, "deprecated", "no longer available", "gone", "not found")) {
            return ErrorKind.GONE;
        }
        if (containsAny(m, "invalid", "must be", "expected format", "required", "malformed")) {
            return ErrorKind.VALIDATION;
        }
        if (containsAny(m, "service unavailable", "internal server error", "bad gateway")) {
            return ErrorKind.SERVER_ERROR;
        }
        return ErrorKind.UNKNOWN;
    }

    private static boolean containsAny(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
