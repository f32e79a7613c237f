package dev.reasoningbank.core.reflect;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The successor of a deprecated endpoint, on the same host only: a server may move a call to another
 * path or version of its own API, never to another host (that takes an alternative the deployment
 * configured). Used by the rules and to check an LLM's lesson.
 */
@Internal
public final class Successors {

    private static final Pattern VERSION = Pattern.compile("(?i)\\bv\\d{1,3}(?:\\.\\d{1,3})?\\b|\\b\\d{4}-\\d{2}(?:-\\d{2})?\\b|\\b\\d{1,2}\\.\\d{1,3}\\b");
    /** A value that may be a network address: dotted numbers of three or more parts, hex or octal parts, a port. */
    private static final Pattern ADDRESS = Pattern.compile("(?i)(?:0x[0-9a-f]+|\\d+)(?:\\.(?:0x[0-9a-f]+|\\d+)){2,}(?::\\d+)?(?:/.*)?|.*:\\d{1,5}(?:/.*)?|(?:0x[0-9a-f]+|0\\d+)(?:\\..*)?");
    /** A path that ends in a version and a slash ({@code /api/v1/}): a prefix, under which the rest of the old path goes. */
    private static final Pattern PREFIX = Pattern.compile("(?i)/(?:[A-Za-z0-9_.-]{1,40}/){0,4}v\\d{1,3}(?:\\.\\d{1,3})?/");
    /** The start of a path up to its version segment ({@code /rest/v2/}). */
    private static final Pattern UP_TO_VERSION = Pattern.compile("(?i)^/(?:[A-Za-z0-9_.-]{1,40}/){0,4}v\\d{1,3}(?:\\.\\d{1,3})?/");
    private static final Pattern SAFE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9_.~%/{}:+=&?-]{0,300}");

    private Successors() {}

    /**
     * The new value of an argument that held {@code oldValue} (a path, a URL, a version) once the server
     * named {@code successor} (a path, a URL or a version); empty when it would leave the host the call
     * went to ({@code failedHost}, may be {@code null}), or when nothing in the argument is to replace.
     */
    public static Optional<String> apply(String oldValue, String successor, @Nullable String failedHost) {
        String old = oldValue.trim();
        String next = successor.trim();
        Optional<String> value;
        if (isUrl(next)) {
            String nextHost = ArgumentCondition.hostOf(next);
            if (isUrl(old)) {
                value = sameHost(ArgumentCondition.hostOf(old), nextHost) ? Optional.of(next) : Optional.empty();
            } else if (old.startsWith("/") && failedHost != null && sameHost(failedHost, nextHost)) {
                value = pathOf(next);
            } else {
                value = Optional.empty();
            }
        } else if (next.startsWith("/") && PREFIX.matcher(next).matches()) {
            value = old.startsWith("/") ? underPrefix(old, next) : isUrl(old) ? pathOf(old).flatMap(p -> underPrefix(p, next)).flatMap(p -> withPath(old, p))
                    : Optional.empty();
        } else if (next.startsWith("/")) {
            value = isUrl(old) ? withPath(old, next) : old.startsWith("/") ? Optional.of(next) : Optional.empty();
        } else if (old.matches("\\d{1,3}(?:\\.\\d{1,3})?") && next.matches("(?i)v\\d{1,3}(?:\\.\\d{1,3})?")) {
            value = Optional.of(next.substring(1)); // a version written bare (1) names its successor bare too (v1.1 is 1.1)
        } else if (old.matches("\\d{1,3}") && next.matches("\\d{1,3}")) {
            value = Optional.of(next); // ngrok's Ngrok-Version 1 and "Supported versions: 2" (the caller keeps this to parameters named for a version)
        } else if (VERSION.matcher(next).matches()) {
            Matcher version = VERSION.matcher(old);
            value = version.find() && sameShape(version.group(), next)
                    ? Optional.of(old.substring(0, version.start()) + next + old.substring(version.end()))
                    : Optional.empty();
        } else {
            value = Optional.empty();
        }
        return value.filter(v -> !v.equals(old)).filter(v -> staysOnHost(old, v));
    }

    /** Whether {@code newValue} keeps a call that used {@code oldValue} on the same host: a plain path, or a URL of the same host. */
    public static boolean staysOnHost(String oldValue, String newValue) {
        String v = newValue.trim();
        if (v.contains("\\") || v.contains("..") || v.contains("@") || v.chars().anyMatch(c -> c <= ' ')
                || isAddress(v) || isAddress(oldValue.trim())) {
            return false; // 10.0.0.5 -> 10.0.0.90 is another host, however much it reads like a version
        }
        if (isUrl(v)) {
            return isUrl(oldValue.trim()) && sameHost(ArgumentCondition.hostOf(oldValue.trim()), ArgumentCondition.hostOf(v))
                    && pathOf(v).map(p -> SAFE_PATH.matcher(p).matches()).orElse(false);
        }
        if (v.startsWith("/")) {
            return SAFE_PATH.matcher(v).matches();
        }
        return VERSION.matcher(v).matches() || oldValue.trim().matches("(?i)v?\\d[\\d.-]*") && v.matches("(?i)v?\\d[\\d.-]*");
    }

    /** {@code /rest/v2/projects} under the prefix {@code /api/v1/} is {@code /api/v1/projects}; empty when the path has no version to cut at. */
    private static Optional<String> underPrefix(String path, String prefix) {
        Matcher start = UP_TO_VERSION.matcher(path);
        return start.find() ? Optional.of(prefix + path.substring(start.end())) : Optional.empty();
    }

    private static boolean isAddress(String value) {
        return !value.startsWith("/") && !isUrl(value) && ADDRESS.matcher(value).matches();
    }

    private static boolean sameShape(String oldVersion, String newVersion) {
        return Character.isLetter(oldVersion.charAt(0)) == Character.isLetter(newVersion.charAt(0)) && oldVersion.length() <= newVersion.length() + 3;
    }

    private static boolean isUrl(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static boolean sameHost(String a, String b) {
        return a != null && b != null && !a.isBlank() && a.equalsIgnoreCase(b);
    }

    private static Optional<String> pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    private static Optional<String> withPath(String url, String path) {
        try {
            URI uri = URI.create(url);
            return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority() + path);
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
