package dev.reasoningbank.bench.scenario;

/**
 * The kinds of task in the stream: fifteen failure classes (three whose first obvious fix is wrong), each grounded in a real API failure, plus
 * tasks that always succeed and tasks that cannot succeed.
 */
public enum FailureClass {
    EXPIRED_CREDENTIAL(ApiTools.CALENDAR, "401: the calendar key of an old integration expired; the credential store has a current one"),
    HOST_DOWN_RECOVERS(ApiTools.WEATHER, "connection refused: the EU weather host is down for a while, then comes back"),
    RATE_LIMITED(ApiTools.SEARCH, "429 with Retry-After: other clients exhausted the search quota for a few seconds"),
    DEPRECATED_ENDPOINT(ApiTools.SEARCH, "410: /v1/search is retired, /v2/search serves the same query"),
    WRONG_DATE_FORMAT(ApiTools.CALENDAR, "400: date must be in format YYYY-MM-DD; tasks carry dd/MM/yyyy, dd.MM.yyyy, 'd MMM yyyy'..."),
    PAGE_SIZE_OVER_LIMIT(ApiTools.SEARCH, "400: limit must be <= 100"),
    CASE_SENSITIVE_ENUM(ApiTools.WEATHER, "400: unit must be one of [CELSIUS, FAHRENHEIT]; tasks say celsius, Fahrenheit..."),
    MISSING_PARAMETER_WITH_DEFAULT(ApiTools.PAYMENTS, "400: currency is required (default: EUR)"),
    INSUFFICIENT_SCOPE(ApiTools.PAYMENTS, "403: refunds need the payments:refund scope, which another token has"),
    TRANSIENT_SERVER_ERROR(ApiTools.PAYMENTS, "503 for one or two requests at random, then fine: must not become a skip"),
    TIMEOUT_ON_OVERSIZED_REQUEST(ApiTools.WEATHER, "timeout: forecasts of more than 7 days take longer than the API gateway waits (504)"),
    UNRESOLVABLE_REGION(ApiTools.WEATHER, "unknown host: weather-ap.bench.invalid does not resolve; weather-ap2 serves the region"),
    BOUND_TIGHTER_THAN_DOCUMENTED(ApiTools.CALENDAR, "400: days must be at most 31, yet 31 is rejected too: the first fix (31) is wrong, 30 works"),
    NEEDS_A_SECOND_TRANSFORM(ApiTools.CALENDAR, "400: at must be an ISO-8601 timestamp; a date (the first reading of ISO-8601) is rejected, a date-time works"),
    AMBIGUOUS_DATE(ApiTools.CALENDAR, "400: date must be in format YYYY-MM-DD; the task's 10/04/2027 (US) reads two ways: no fix may guess"),
    ALWAYS_SUCCEEDS(null, "a correct call: nothing to learn, nothing to skip"),
    CANNOT_SUCCEED(ApiTools.WEATHER, "connection refused for ever: weather-legacy is decommissioned, skipping is right");

    private final String tool;
    private final String grounding;

    FailureClass(String tool, String grounding) {
        this.tool = tool;
        this.grounding = grounding;
    }

    /** The tool this class fails, or {@code null} when it uses all of them. */
    public String tool() {
        return tool;
    }

    /** The real API failure it reproduces. */
    public String grounding() {
        return grounding;
    }

    /** The id used in results and reports, e.g. {@code expired-credential}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
