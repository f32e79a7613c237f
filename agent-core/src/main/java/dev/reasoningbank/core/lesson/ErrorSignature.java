package dev.reasoningbank.core.lesson;

import dev.reasoningbank.core.internal.Internal;
import java.util.Locale;

/**
 * Normalizes an error message into a signature that recurs when the same mistake recurs: values
 * (numbers, ids, dates, hosts, URLs and paths, quoted literals, redaction markers) become placeholders,
 * the words that name the problem are kept, case and spacing are folded. A quoted literal that names
 * one of the call's parameters is a word, not a value; so are standard names such as {@code ISO-8601}.
 * Runs in one pass, in linear time.
 */
@Internal
public final class ErrorSignature {

    /** The longest signature kept; longer messages are cut. */
    public static final int MAX_LENGTH = 200;

    private ErrorSignature() {}

    private static final java.util.regex.Pattern STANDARD = java.util.regex.Pattern.compile("(?i)(iso|rfc|utf|oauth|sha|base|ecma)[-_ ]?\\d{1,5}");

    /**
     * An error's tag as a whole, short message: snake_case words joined by slashes, ending in dots or in a word of refusal,
     * as Dropbox writes {@code path/not_found/..}; a path of data ({@code users/john_doe}) ends in neither.
     */
    private static final java.util.regex.Pattern ERROR_TAG = java.util.regex.Pattern.compile(
            "(?=[^/]*/)(?=.*(?:/\\.{1,3}|/(?:not|invalid|missing|malformed|conflict|too|disallowed|denied|insufficient|unsupported|expired|locked)[a-z_]*)$)"
            + "[a-z]+(?:_[a-z]+)*(?:/[a-z]+(?:_[a-z]+)*){1,8}(?:/\\.{1,3})?");
    private static final int MAX_TAG_LENGTH = 100;
    private static final java.util.regex.Pattern CAMEL_CASE = java.util.regex.Pattern.compile("[a-z][A-Z]");
    /** Top-level domains that end most hosts a message names, the reserved ones, and those of service meshes and clusters. */
    private static final java.util.Set<String> COMMON_TOP_LEVEL = java.util.Set.of("com", "net", "org", "edu", "gov", "mil", "info", "biz",
            "dev", "app", "cloud", "tech", "site", "online", "xyz", "io", "ai", "local", "localhost", "internal", "invalid", "example", "test",
            "lan", "corp", "svc", "arpa", "consul", "cluster");
    /** Two-letter endings that are file types or fields rather than countries' domains ({@code user.id}, {@code main.go}). */
    private static final java.util.Set<String> NOT_A_COUNTRY = java.util.Set.of("id", "to", "cc", "js", "ts", "py", "md", "rb", "go", "rs", "cs", "sh");
    /** A file name's extension: {@code report.pdf} is a value, like a host. */
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile(
            "(?i).+\\.(?:pdf|png|jpe?g|gif|webp|svg|csv|tsv|json|xml|txt|zip|gz|tgz|tar|mp3|mp4|wav|mov|docx?|xlsx?|pptx?|html?|ya?ml|js|ts|py|md|go|rb|rs|cs|sh)");

    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?");

    /** The signature of a message that names no parameter. */
    public static String of(String message) {
        return of(message, java.util.Set.of());
    }

    /** The signature of a message; a quoted literal equal to one of {@code parameters} (any case) is kept as a word. */
    public static String of(String message, java.util.Collection<String> parameters) {
        return of(message, parameters, java.util.Set.of());
    }

    /**
     * The signature of a message about a call to one of {@code hosts}: a word that names one of them, or a host of the same
     * domain, is a host whatever its top-level domain ({@code api.acme.zone}); other dotted words are hosts only by the shape
     * of their domain.
     */
    public static String of(String message, java.util.Collection<String> parameters, java.util.Collection<String> hosts) {
        java.util.Set<String> domains = new java.util.HashSet<>();
        hosts.forEach(h -> domains.add(domainOf(h.toLowerCase(Locale.ROOT))));
        java.util.Set<String> names = new java.util.HashSet<>();
        parameters.forEach(p -> names.add(p.toLowerCase(Locale.ROOT)));
        if (message == null || message.isBlank()) {
            return "";
        }
        String whole = message.strip();
        if (whole.length() <= MAX_TAG_LENGTH && ERROR_TAG.matcher(whole).matches()) {
            // a message that is only an error's tag (Dropbox's "path/not_found/..") names the mistake in every word
            return whole.replaceAll("[./]+$", "");
        }
        String text = message.length() > 4 * MAX_LENGTH ? message.substring(0, 4 * MAX_LENGTH) : message;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        java.util.regex.Matcher timestamp = TIMESTAMP.matcher(text);
        int i = 0;
        while (i < text.length() && out.length() < MAX_LENGTH) {
            char c = text.charAt(i);
            if (c == '[' && text.startsWith("[REDACTED", i)) {
                int end = text.indexOf(']', i);
                i = end < 0 ? text.length() : end + 1;
                append(out, "<secret>");
            } else if ((c == '\'' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                if (end < 0 || end - i > 120) {
                    i++;
                } else {
                    String quoted = text.substring(i + 1, end).strip().toLowerCase(Locale.ROOT);
                    append(out, names.contains(quoted) ? quoted : "<value>");
                    i = end + 1;
                }
            } else if (Character.isDigit(c) && timestamp.region(i, Math.min(text.length(), i + 40)).lookingAt()) {
                // an ISO-8601 time (2026-11-27T09:21:09.1234567Z) is one value, whatever its precision
                i = timestamp.end();
                append(out, "<id>");
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                if (text.startsWith("://", i)) {
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\'' && text.charAt(i) != '"') {
                        i++;
                    }
                    append(out, "<path>");
                    continue;
                }
                appendWord(out, text.substring(start, i), domains);
            } else {
                if (!Character.isWhitespace(c) && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                if (!Character.isWhitespace(c) && ":;,()=<>".indexOf(c) >= 0) {
                    out.append(c);
                }
                i++;
            }
        }
        String signature = out.toString().trim();
        return signature.length() > MAX_LENGTH ? signature.substring(0, MAX_LENGTH) : signature;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == '@';
    }

    private static void appendWord(StringBuilder out, String word, java.util.Set<String> domains) {
        String stripped = word.replaceAll("[.\\-/]+$", "");
        if (stripped.isEmpty()) {
            return;
        }
        if (stripped.contains("://") || stripped.contains("/") || stripped.contains("@")) {
            append(out, "<path>");
        } else if (STANDARD.matcher(stripped).matches()) {
            append(out, stripped.toLowerCase(Locale.ROOT));
        } else if (hasDigit(stripped)) {
            append(out, stripped.chars().allMatch(Character::isDigit) ? "<n>" : "<id>");
        } else if (stripped.indexOf('.') > 0 && FILE_NAME.matcher(stripped).matches()) {
            append(out, "<file>");
        } else if (stripped.indexOf('.') > 0 && (domains.contains(domainOf(stripped.toLowerCase(Locale.ROOT))) || isHostName(stripped))) {
            append(out, "<host>");
        } else {
            append(out, stripped.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Whether a dotted word is a host name (api.example.com, weather-us.bench.local) rather than a field's path
     * (production.dates.from, items.createdDate, user.id) or an abbreviation (e.g): its last label is a country's domain or a
     * common one, and no label is written in camel case (a localised field, name.en, still reads as a host).
     */
    private static boolean isHostName(String word) {
        String last = word.substring(word.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return !CAMEL_CASE.matcher(word).find() && (last.matches("[a-z]{2}") && !NOT_A_COUNTRY.contains(last) || COMMON_TOP_LEVEL.contains(last));
    }

    /** A host's last two labels ({@code acme.zone} of {@code api.acme.zone:8443}), or the host when it has fewer. */
    private static String domainOf(String hostAndPort) {
        String host = hostAndPort.replaceFirst(":\\d{1,5}$", "");
        int last = host.lastIndexOf('.');
        int before = last <= 0 ? -1 : host.lastIndexOf('.', last - 1);
        return before < 0 ? host : host.substring(before + 1);
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder out, String token) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        out.append(token);
    }
}
