package dev.reasoningbank.core.reflect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalSpellingTest {

    @ParameterizedTest
    @CsvSource({
            "tz, europe/riga, Europe/Riga",
            "timezone, AMERICA/NEW_YORK, America/New_York",
            "time_zone, utc, UTC",
            "reportTimeZone, europe/paris, Europe/Paris",
            "locale, en_us, en_US",
            "language, EN-us, en-US",
            "locale, zh-hant-tw, zh-Hant-TW"})
    void a_zone_or_a_locale_in_another_case_is_written_as_its_standard_spells_it(String parameter, String value, String expected) {
        assertThat(CanonicalSpelling.of(parameter, value)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "tz, Europe/Riga",       // already right
            "tz, est",               // an abbreviation, no region-based zone
            "tz, europe/atlantis",   // no such zone
            "locale, en_US",
            "locale, es-419",        // a region by its number has no case
            "locale, xx_yy",         // no such language
            "promo_code, fr_be",     // a code of another kind that looks like a locale
            "lang, en-ru",           // Yandex's pair of languages, English to Russian
            "language_pair, en-de",
            "availability_zone, europe/riga",
            "name, europe/riga"})    // a name that looks like a zone
    void anything_else_keeps_its_spelling(String parameter, String value) {
        assertThat(CanonicalSpelling.of(parameter, value)).isEmpty();
    }
}
