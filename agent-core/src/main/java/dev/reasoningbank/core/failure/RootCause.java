package dev.reasoningbank.core.failure;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Why a call got no answer, read from the whole cause chain and the suppressed exceptions: the JDK
 * {@code HttpClient} reports an unresolvable host as {@code ConnectException <- ConnectException <-
 * UnresolvedAddressException}, Spring as {@code ResourceAccessException <- UnknownHostException}. The
 * most specific cause found wins; the constants are in that order.
 */
public enum RootCause {
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The TLS handshake failed (certificate, protocol). */
    TLS,
    /** No route to the host, or the network is unreachable. */
    NO_ROUTE,
    /** The host refused the connection. */
    CONNECTION_REFUSED,
    /** The connection could not be set up in time. */
    CONNECT_TIMEOUT,
    /** The connection was reset or closed before an answer. */
    CONNECTION_RESET,
    /** The answer did not come in time. */
    TIMEOUT,
    /** The call got an answer, or nothing more specific is known. */
    NONE;

    /** The cause in words, for a user and a model: no exception class names. */
    public String sentence() {
        return switch (this) {
            case UNKNOWN_HOST -> "the host name does not resolve";
            case TLS -> "the TLS handshake failed";
            case NO_ROUTE -> "no route to the host";
            case CONNECTION_REFUSED -> "the host refused the connection";
            case CONNECT_TIMEOUT -> "the connection could not be set up in time";
            case CONNECTION_RESET -> "the connection was reset or closed before an answer";
            case TIMEOUT -> "no answer in time";
            case NONE -> "the call failed";
        };
    }

    /** The most specific root cause in {@code error}, its causes and their suppressed exceptions. */
    public static RootCause of(Throwable error) {
        RootCause best = NONE;
        for (Throwable t : Throwables.all(error)) {
            RootCause cause = byType(t);
            if (cause == NONE) {
                cause = byMessage(t.getMessage());
            }
            if (cause.ordinal() < best.ordinal()) {
                best = cause;
            }
        }
        return best;
    }

    private static RootCause byType(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return UNKNOWN_HOST;
        }
        if (t instanceof SSLException || t instanceof GeneralSecurityException) {
            return TLS;
        }
        if (t instanceof NoRouteToHostException) {
            return NO_ROUTE;
        }
        if (t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException && message.contains("connect")) {
            return CONNECT_TIMEOUT;
        }
        if (t instanceof ConnectException) {
            return message.contains("timed out") ? CONNECT_TIMEOUT : CONNECTION_REFUSED;
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof EOFException || t instanceof SocketException && (message.contains("reset") || message.contains("broken pipe"))) {
            return CONNECTION_RESET;
        }
        return NONE;
    }

    private static RootCause byMessage(@Nullable String text) {
        if (text == null) {
            return NONE;
        }
        String m = text.toLowerCase(Locale.ROOT);
        if (containsAny(m, "unknownhost", "unknown host", "name or service not known", "nodename nor servname", "no such host",
                "could not resolve host", "temporary failure in name resolution", "failed to resolve", "unable to resolve host")) {
            return UNKNOWN_HOST;
        }
        if (containsAny(m, "pkix path", "ssl handshake", "sslhandshake", "certificate verify failed", "unable to find valid certification path")) {
            return TLS;
        }
        if (containsAny(m, "no route to host", "network is unreachable", "host is unreachable")) {
            return NO_ROUTE;
        }
        if (m.contains("connection refused")) {
            return CONNECTION_REFUSED;
        }
        if (containsAny(m, "connect timed out", "connection timed out", "connect timeout")) {
            return CONNECT_TIMEOUT;
        }
        if (containsAny(m, "connection reset", "broken pipe", "header parser received no bytes", "unexpected end of stream",
                "connection closed by peer", "premature eof", "end of file from server")) {
            return CONNECTION_RESET;
        }
        if (containsAny(m, "read timed out", "request timed out", "timed out", "timeout")) {
            return TIMEOUT;
        }
        return NONE;
    }

    static boolean containsAny(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
