package dev.reasoningbank.core.reflect;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one spelling of a value whose case is fixed by a standard: an IANA time zone ({@code europe/riga} is
 * {@code Europe/Riga}) or a locale ({@code en_us} is {@code en_US}, {@code zh-hant-tw} is {@code zh-Hant-TW}).
 */
final class CanonicalSpelling {

    /** The region-based zones, and UTC, by their lower-case spelling (never an abbreviation such as {@code EST}). */
    private static final Map<String, String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") || id.equals("UTC"))
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
    private static final Pattern LOCALE = Pattern.compile("([A-Za-z]{2,3})([-_])(?:([A-Za-z]{4})[-_])?([A-Za-z]{2}|\\d{3})");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** The last words of a parameter's name, in words: {@code tz}, {@code timezone}, {@code time_zone}, {@code reportTimeZone}. */
    private static final Pattern ZONE_PARAMETER = Pattern.compile("(?:^| )(?:tz|tzid|timezone|time zone|zone id|tz id)$");
    /** ({@code lang} is not one: Yandex's {@code lang=en-ru} is a pair of languages, not a locale) */
    private static final Pattern LOCALE_PARAMETER = Pattern.compile("(?:^| )(?:locale|language|culture)$");

    private CanonicalSpelling() {}

    /**
     * {@code value} as its standard writes it, when that differs from {@code value} in letter case only and {@code parameter}
     * is named for such values ({@code tz}, {@code time_zone}, {@code locale}, {@code ui_language}): a code of another kind that
     * looks like one ({@code fr_be} as a promotion's code) keeps its case.
     */
    static Optional<String> of(String parameter, String value) {
        String words = ServerHints.asWords(parameter);
        String zone = ZONE_PARAMETER.matcher(words).find() ? ZONES.get(value.toLowerCase(Locale.ROOT)) : null;
        Optional<String> canonical = zone != null ? Optional.of(zone)
                : LOCALE_PARAMETER.matcher(words).find() ? locale(value) : Optional.empty();
        return canonical.filter(c -> !c.equals(value));
    }

    private static Optional<String> locale(String value) {
        Matcher m = LOCALE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        String language = m.group(1).toLowerCase(Locale.ROOT);
        String region = m.group(4).toUpperCase(Locale.ROOT);
        if (!LANGUAGES.contains(language) || !(COUNTRIES.contains(region) || Character.isDigit(region.charAt(0)))) {
            return Optional.empty();
        }
        String script = m.group(3) == null ? "" : m.group(3).substring(0, 1).toUpperCase(Locale.ROOT)
                + m.group(3).substring(1).toLowerCase(Locale.ROOT) + m.group(2);
        return Optional.of(language + m.group(2) + script + region);
    }
}
