package dev.reasoningbank.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.core.lesson.Strategy.Transform;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrategyTest {

    @ParameterizedTest
    @CsvSource({"25/11/2026,2026-11-25", "2026/11/25,2026-11-25", "20261125,2026-11-25", "25.11.2026,2026-11-25",
            "2026-11-25,2026-11-25", "not a date,not a date"})
    void date_format_should_reformat_known_dates_and_leave_the_rest(String in, String out) {
        assertThat(Transform.DATE_FORMAT.apply(in, "yyyy-MM-dd")).isEqualTo(out);
    }

    @Test
    void a_date_time_with_an_offset_keeps_its_instant_in_utc_and_a_date_alone_starts_its_day() {
        assertThat(Transform.DATE_FORMAT.apply("2021-01-01T10:00:00.000+05:30", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")).isEqualTo("2021-01-01T04:30:00.000Z");
        assertThat(Transform.DATE_FORMAT.apply("2021-01-01T02:15-08:00", "yyyy-MM-dd'T'HH:mm:ssXXX")).isEqualTo("2021-01-01T10:15:00Z");
        assertThat(Transform.DATE_FORMAT.apply("2021-01-01T02:15:00-08:00", "yyyy-MM-dd'T'HH:mm:ssXXX")).isEqualTo("2021-01-01T02:15:00-08:00");
        assertThat(Transform.DATE_FORMAT.apply("2021-01-01", "yyyy-MM-dd'T'HH:mm:ssXXX")).isEqualTo("2021-01-01T00:00:00Z");
        assertThat(Transform.DATE_FORMAT.apply("2021-01-01T10:00:00+05:30", "yyyy-MM-dd")).isEqualTo("2021-01-01");
        // a time the pattern cannot hold whole is left as it is, not cut
        assertThat(Transform.DATE_FORMAT.apply("2021-01-01T10:00:00.5+05:30", "yyyy-MM-dd'T'HH:mm:ss'Z'")).isEqualTo("2021-01-01T10:00:00.5+05:30");
    }

    @Test
    void transforms_should_be_idempotent() {
        for (Object value : new Object[] {"celsius", "  x ", 500, "250", null}) {
            for (Transform t : Transform.values()) {
                String operand = switch (t) {
                    case DATE_FORMAT -> "yyyy-MM-dd";
                    case CLAMP_MAX -> "100";
                    case DEFAULT_IF_MISSING -> "metric";
                    case MATCH_CASE -> "Celsius,X";
                    default -> "";
                };
                Object once = t.apply(value, operand);
                assertThat(t.apply(once, operand)).as("%s on %s", t, value).isEqualTo(once);
            }
        }
    }

    @Test
    void match_case_should_write_a_value_as_the_list_does_and_leave_any_other() {
        assertThat(Transform.MATCH_CASE.apply("celsius", "Kelvin, Celsius")).isEqualTo("Celsius");
        assertThat(Transform.MATCH_CASE.apply("rankine", "Kelvin,Celsius")).isEqualTo("rankine");
        assertThat(Transform.MATCH_CASE.fits("Kelvin", "Kelvin,Celsius")).isTrue();
        assertThat(Transform.MATCH_CASE.fits("kelvin", "Kelvin,Celsius")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Strategy.FixArgument("unit", Transform.MATCH_CASE, " "))
                .hasMessageContaining("operand of MATCH_CASE");
    }

    @Test
    void clamp_should_keep_the_type_of_the_value() {
        assertThat(Transform.CLAMP_MAX.apply(500, "100")).isEqualTo(100L);
        assertThat(Transform.CLAMP_MAX.apply("500", "100")).isEqualTo("100");
        assertThat(Transform.CLAMP_MAX.apply(50, "100")).isEqualTo(50);
    }

    @Test
    void default_if_missing_should_fill_only_a_missing_value() {
        assertThat(Transform.DEFAULT_IF_MISSING.apply(null, "metric")).isEqualTo("metric");
        assertThat(Transform.DEFAULT_IF_MISSING.apply(" ", "metric")).isEqualTo("metric");
        assertThat(Transform.DEFAULT_IF_MISSING.apply("imperial", "metric")).isEqualTo("imperial");
    }

    @Test
    void backoff_should_honour_retry_after_over_its_own_delay() {
        Strategy.RetryWithBackoff backoff = new Strategy.RetryWithBackoff(3, Duration.ofMillis(100), 2.0);
        assertThat(backoff.delayBefore(1, null)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayBefore(3, null)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delayBefore(3, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void invalid_strategies_should_name_the_parameter() {
        assertThatThrownBy(() -> new Strategy.RetryWithBackoff(0, Duration.ZERO, 2)).hasMessage("maxRetries must be at least 1 but was 0");
        assertThatThrownBy(() -> new Strategy.SkipTask("h", Duration.ZERO)).hasMessageContaining("skipFor must be positive");
        assertThatThrownBy(() -> new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "lots")).hasMessageContaining("CLAMP_MAX must be a whole number");
        assertThatThrownBy(() -> new Strategy.UseAlternative("", "", "")).hasMessageContaining("needs an alternative tool");
        assertThatThrownBy(() -> new Strategy.ReplaceParam("apiKey", " ")).hasMessage("source must not be blank");
    }

    @Test
    void every_strategy_should_have_its_name_in_the_vocabulary() {
        assertThat(Strategy.NAMES).containsExactly("ReplaceParam", "SkipTask", "RetryWithBackoff", "UseAlternative", "FixArgument", "Advice");
        assertThat(Strategy.class.getPermittedSubclasses()).extracting(Class::getSimpleName).containsExactlyInAnyOrderElementsOf(Strategy.NAMES);
    }
}
