package dev.reasoningbank.bench.scenario;

import dev.reasoningbank.bench.policy.Deployment;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the deployment knows, as a user would configure it: credentials in a parameter source, the
 * documented alternatives and size limits. The rule-based reflector is configured with it; lessons
 * decide when to use it. Hosts named here never leave the machine: they resolve through {@link Hosts}.
 */
public final class Fixture {

    /** The calendar key an old integration still sends; it expired (401). */
    public static final String EXPIRED_CALENDAR_KEY = "cal-key-2023-legacy";
    /** The current calendar key, held by the parameter source under {@link #CALENDAR_KEY_SOURCE}. */
    public static final String CALENDAR_KEY = "cal-key-2026-current";
    public static final String CALENDAR_KEY_SOURCE = "calendar.apiKey";

    /** The payments token agents start with: scope payments:charge only (refunds answer 403). */
    public static final String CHARGE_TOKEN = "pay-token-charge-only";
    /** The token with scopes payments:charge and payments:refund, under {@link #REFUND_TOKEN_SOURCE}. */
    public static final String REFUND_TOKEN = "pay-token-charge-refund";
    public static final String REFUND_TOKEN_SOURCE = "payments.refundToken";

    public static final String WEATHER_EU = "weather-eu.bench.local";
    public static final String WEATHER_US = "weather-us.bench.local";
    /** A region whose DNS name does not resolve (RFC 6761 {@code .invalid}); {@link #WEATHER_AP2} serves it. */
    public static final String WEATHER_AP = "weather-ap.bench.invalid";
    public static final String WEATHER_AP2 = "weather-ap2.bench.local";
    /** A decommissioned host: it refuses every connection, so its tasks cannot succeed. */
    public static final String WEATHER_LEGACY = "weather-legacy.bench.local";
    public static final String CALENDAR_HOST = "calendar.bench.local";
    public static final String SEARCH_HOST = "search.bench.local";
    public static final String PAYMENTS_HOST = "payments.bench.local";

    public static final String SEARCH_V1 = "/v1/search";
    public static final String SEARCH_V2 = "/v2/search";

    /** Forecasts longer than this many days take longer than the client waits. */
    public static final int MAX_FORECAST_DAYS = 7;
    public static final int MAX_SEARCH_LIMIT = 100;
    /** The longest calendar range the server really accepts; its message says one more. */
    public static final int MAX_CALENDAR_DAYS = 30;
    public static final String DEFAULT_CURRENCY = "EUR";
    public static final List<String> UNITS = List.of("CELSIUS", "FAHRENHEIT");

    private Fixture() {}

    /** The credentials a deployment holds; lessons name the keys, never the values. */
    public static ParameterSource parameters() {
        return ParameterSource.of(Map.of(CALENDAR_KEY_SOURCE, CALENDAR_KEY, REFUND_TOKEN_SOURCE, REFUND_TOKEN));
    }

    /** FlakyBench's deployment: its credentials, its reflector's configuration, the oracle's gold lessons. */
    public static Deployment deployment() {
        return new Deployment(parameters(), Fixture::reflector, dev.reasoningbank.bench.policy.oracle.GoldLessons::all);
    }

    /** The rule-based reflector, configured with what the deployment knows. */
    public static RuleBasedReflector.Builder reflector(Duration skipFor) {
        return RuleBasedReflector.builder()
                .credential("apiKey", CALENDAR_KEY_SOURCE)
                .scopedCredential("token", REFUND_TOKEN_SOURCE)
                .alternative(SEARCH_V1, SEARCH_V2)
                .alternative(WEATHER_AP, WEATHER_AP2)
                .sizeLimitOnTimeout("days", MAX_FORECAST_DAYS)
                .skipFor(skipFor);
    }
}
