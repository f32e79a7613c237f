package dev.reasoningbank.bench.policy.oracle;

import dev.reasoningbank.bench.scenario.ApiTools;
import dev.reasoningbank.bench.scenario.Fixture;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Strategy.Transform;
import dev.reasoningbank.core.lesson.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fix of every failure class, written by hand as lessons: what a perfect reflector would have
 * learned. An outage is an event, not a fix, so the recovering host has no gold lesson; the
 * decommissioned host has the same skip-then-probe lesson a reflector writes, from the start.
 */
public final class GoldLessons {

    private GoldLessons() {}

    public static List<Lesson> all(Instant now, Duration skipFor) {
        Provenance gold = new Provenance("gold", "", now);
        return List.of(
                gold("Take the current calendar key", ApiTools.CALENDAR, ErrorKind.AUTH,
                        new Strategy.ReplaceParam("apiKey", Fixture.CALENDAR_KEY_SOURCE),
                        ArgumentCondition.sameValue("apiKey", Fixture.EXPIRED_CALENDAR_KEY)),
                gold("Write date as yyyy-MM-dd", ApiTools.CALENDAR, ErrorKind.VALIDATION,
                        new Strategy.FixArgument("date", Transform.DATE_FORMAT, "yyyy-MM-dd"), ArgumentCondition.present("date")),
                gold("Keep days at most 30", ApiTools.CALENDAR, ErrorKind.VALIDATION,
                        new Strategy.FixArgument("days", Transform.CLAMP_MAX, String.valueOf(Fixture.MAX_CALENDAR_DAYS)),
                        ArgumentCondition.present("days")),
                gold("Write at as an ISO-8601 timestamp", ApiTools.CALENDAR, ErrorKind.VALIDATION,
                        new Strategy.FixArgument("at", Transform.DATE_FORMAT, "yyyy-MM-dd'T'HH:mm:ssXXX"), ArgumentCondition.present("at")),
                gold("Back off when search is rate limited", ApiTools.SEARCH, ErrorKind.RATE_LIMITED,
                        new Strategy.RetryWithBackoff(3, Duration.ofSeconds(1), 2.0)),
                gold("Use /v2/search instead of /v1/search", ApiTools.SEARCH, ErrorKind.GONE,
                        new Strategy.UseAlternative("", "endpoint", Fixture.SEARCH_V2),
                        ArgumentCondition.sameValue("endpoint", Fixture.SEARCH_V1)),
                gold("Keep limit at most 100", ApiTools.SEARCH, ErrorKind.VALIDATION,
                        new Strategy.FixArgument("limit", Transform.CLAMP_MAX, String.valueOf(Fixture.MAX_SEARCH_LIMIT)),
                        ArgumentCondition.present("limit")),
                gold("Upper-case unit", ApiTools.WEATHER, ErrorKind.VALIDATION,
                        new Strategy.FixArgument("unit", Transform.UPPERCASE, ""), ArgumentCondition.present("unit")),
                gold("Keep days at most 7", ApiTools.WEATHER, ErrorKind.TIMEOUT,
                        new Strategy.FixArgument("days", Transform.CLAMP_MAX, String.valueOf(Fixture.MAX_FORECAST_DAYS)),
                        ArgumentCondition.present("days")),
                gold("Use weather-ap2 for the AP region", ApiTools.WEATHER, ErrorKind.UNKNOWN_HOST,
                        new Strategy.UseAlternative("", "host", Fixture.WEATHER_AP2), ArgumentCondition.host("host", Fixture.WEATHER_AP)),
                gold("Pass currency (default EUR)", ApiTools.PAYMENTS, ErrorKind.VALIDATION,
                        new Strategy.FixArgument("currency", Transform.DEFAULT_IF_MISSING, Fixture.DEFAULT_CURRENCY),
                        ArgumentCondition.missing("currency")),
                gold("Use the token with the refund scope", ApiTools.PAYMENTS, ErrorKind.FORBIDDEN,
                        new Strategy.ReplaceParam("token", Fixture.REFUND_TOKEN_SOURCE),
                        ArgumentCondition.sameValue("token", Fixture.CHARGE_TOKEN)),
                gold("Retry payments after a transient server error", ApiTools.PAYMENTS, ErrorKind.SERVER_ERROR,
                        new Strategy.RetryWithBackoff(2, Duration.ofMillis(200), 2.0)),
                gold("Skip the decommissioned weather-legacy host", ApiTools.WEATHER, ErrorKind.HOST_DOWN,
                        new Strategy.SkipTask(Fixture.WEATHER_LEGACY, skipFor), ArgumentCondition.host("host", Fixture.WEATHER_LEGACY))
                        .withExpiresAt(now.plus(skipFor)))
                .stream().map(l -> l.toBuilder().provenance(gold).build()).toList();
    }

    private static Lesson gold(String title, String tool, ErrorKind kind, Strategy strategy, ArgumentCondition... conditions) {
        return Lesson.builder()
                .title(title)
                .description("Gold lesson for " + tool + ": known from the start.")
                .content(title + ".")
                .trigger(Trigger.of(tool, kind, "", conditions))
                .strategy(strategy)
                .provenance(new Provenance("gold", "", Instant.EPOCH)) // replaced by all(): the time the run starts
                .build();
    }
}
