package dev.reasoningbank.core.failure;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The headers of an error response that say what to do: how long to wait (Retry-After in seconds or as
 * an HTTP date, RateLimit-Reset and X-RateLimit-Reset), what replaces a deprecated endpoint (Link
 * rel="successor-version", Location), why a credential was refused (WWW-Authenticate).
 */
final class ResponseHints {

    /** The headers a failure keeps; every other header is transport noise. */
    private static final List<String> KEPT = List.of("retry-after", "ratelimit", "x-ratelimit", "x-rate-limit", "deprecation",
            "sunset", "link", "location", "www-authenticate", "warning", "content-type");
    private static final Pattern RESET_IN_RATELIMIT = Pattern.compile("(?i)(?:^|[;,\\s])(?:reset|t)\\s*=\\s*(\\d{1,12})");
    private static final Pattern SUCCESSOR_LINK = Pattern.compile("<([^>]{1,500})>\\s*;[^,]*rel\\s*=\\s*\"?[^\",]*\\bsuccessor-version\\b", Pattern.CASE_INSENSITIVE);
    private static final long MAX_WAIT_SECONDS = Duration.ofDays(1).toSeconds();

    private ResponseHints() {}

    /** The useful headers, one line each, names in lower case. */
    static Map<String, String> kept(ErrorResponse response) {
        Map<String, String> out = new LinkedHashMap<>();
        response.headers().forEach((name, values) -> {
            if (!values.isEmpty() && KEPT.stream().anyMatch(name::startsWith)) {
                out.put(name, String.join(", ", values));
            }
        });
        return out;
    }

    /** How long the server asked us to wait, measured from its Date header when it sent one, else from {@code now}. */
    static Optional<Duration> retryAfter(Map<String, String> headers, @Nullable String date, Instant now) {
        Instant serverNow = httpDate(date).orElse(now);
        String retryAfter = headers.get("retry-after");
        if (retryAfter != null) {
            Optional<Duration> wait = seconds(retryAfter).or(() -> httpDate(retryAfter).map(at -> Duration.between(serverNow, at)));
            if (wait.isPresent()) {
                return wait.map(ResponseHints::bounded);
            }
        }
        String remaining = first(headers, "ratelimit-remaining", "x-ratelimit-remaining", "x-rate-limit-remaining");
        String reset = first(headers, "ratelimit-reset", "x-ratelimit-reset", "x-rate-limit-reset");
        if (reset == null && headers.containsKey("ratelimit")) {
            Matcher m = RESET_IN_RATELIMIT.matcher(headers.get("ratelimit"));
            reset = m.find() ? m.group(1) : null;
        }
        if (reset != null && (remaining == null || remaining.trim().equals("0"))) {
            return seconds(reset).map(d -> d.toSeconds() > 1_000_000_000L
                    ? Duration.between(serverNow, Instant.ofEpochSecond(d.toSeconds()))
                    : d).map(ResponseHints::bounded);
        }
        return Optional.empty();
    }

    /** A wait the message states: "try again in 30 seconds", "more requests available in 17524 seconds", "Please retry in 36.5s". */
    private static final Pattern STATED_WAIT = Pattern.compile("(?i)\\b(try again|retry|available|wait|come back)\\s+(?:(?:in|after|for)\\s+)?"
            + "(?:about\\s+|approximately\\s+)?(\\d{1,9}(?:\\.\\d{1,3})?)\\s?(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\\b");

    /** How long a message without a Retry-After header says to wait, if it says so in words; "try again" or "retry" first. */
    static Optional<Duration> statedWait(String message) {
        java.util.regex.MatchResult chosen = null;
        Matcher m = STATED_WAIT.matcher(message);
        while (m.find()) {
            boolean retry = m.group(1).toLowerCase(java.util.Locale.ROOT).matches("try again|retry");
            if (chosen == null || retry) {
                chosen = m.toMatchResult();
            }
            if (retry) {
                break;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(chosen.group(2));
        String unit = chosen.group(3).toLowerCase(java.util.Locale.ROOT);
        double millis = unit.startsWith("ms") || unit.startsWith("milli") ? amount
                : unit.startsWith("h") ? amount * 3_600_000 : unit.startsWith("m") ? amount * 60_000 : amount * 1_000;
        return Optional.of(bounded(Duration.ofMillis(Math.round(Math.min(millis, MAX_WAIT_SECONDS * 1_000.0)))));
    }

    /** Whether the headers say the rate limit is spent. */
    static boolean rateLimitSpent(Map<String, String> headers) {
        String remaining = first(headers, "ratelimit-remaining", "x-ratelimit-remaining", "x-rate-limit-remaining");
        return remaining != null && remaining.trim().equals("0");
    }

    /** Whether the headers mark the endpoint deprecated or sunset (RFC 9745, RFC 8594). */
    static boolean deprecated(Map<String, String> headers) {
        return headers.containsKey("deprecation") || headers.containsKey("sunset");
    }

    /** The successor a Link rel="successor-version" names, else the Location of a redirect. */
    static Optional<String> successor(Map<String, String> headers, int status) {
        String link = headers.get("link");
        if (link != null) {
            Matcher m = SUCCESSOR_LINK.matcher(link);
            if (m.find()) {
                return Optional.of(m.group(1).trim());
            }
        }
        String location = headers.get("location");
        return location != null && (status == 301 || status == 308) ? Optional.of(location.trim()) : Optional.empty();
    }

    private static Duration bounded(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait.toSeconds() > MAX_WAIT_SECONDS ? Duration.ofSeconds(MAX_WAIT_SECONDS) : wait;
    }

    private static @Nullable String first(Map<String, String> headers, String... names) {
        for (String name : names) {
            if (headers.containsKey(name)) {
                return headers.get(name);
            }
        }
        return null;
    }

    /** Whole or decimal seconds ({@code 30}, {@code 2.128}: Microsoft Graph sends fractions). */
    private static Optional<Duration> seconds(String value) {
        String v = value.trim();
        if (!v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
    }

    private static Optional<Instant> httpDate(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH)).toInstant());
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
