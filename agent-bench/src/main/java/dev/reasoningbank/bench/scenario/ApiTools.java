package dev.reasoningbank.bench.scenario;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The four tools of the scenario and the requests they make. */
public final class ApiTools {

    public static final String WEATHER = "weather";
    public static final String CALENDAR = "calendar";
    public static final String SEARCH = "search";
    public static final String PAYMENTS = "payments";

    private ApiTools() {}

    /** {@code GET /weather/v2/forecast?city&unit&days} on the regional host named by {@code host}. */
    public static ApiTool.Spec weather() {
        return new ApiTool.Spec(WEATHER, List.of("host", "city", "unit", "days"), null,
                args -> "/weather/v2/forecast", List.of("city", "unit", "days"), Map.of());
    }

    /** {@code GET /calendar/v1/events?date&days&at} with the key in {@code X-Api-Key}. */
    public static ApiTool.Spec calendar() {
        return new ApiTool.Spec(CALENDAR, List.of("apiKey", "date", "days", "at"), Fixture.CALENDAR_HOST,
                args -> "/calendar/v1/events", List.of("date", "days", "at"), Map.of("apiKey", "X-Api-Key:"));
    }

    /** {@code GET /search{endpoint}?q&limit}. */
    public static ApiTool.Spec search() {
        return new ApiTool.Spec(SEARCH, List.of("endpoint", "q", "limit"), Fixture.SEARCH_HOST,
                args -> "/search" + args.getOrDefault("endpoint", Fixture.SEARCH_V2), List.of("q", "limit"), Map.of());
    }

    /** {@code GET /payments/v1/{operation}?amount&currency} with a bearer token. */
    public static ApiTool.Spec payments() {
        return new ApiTool.Spec(PAYMENTS, List.of("token", "operation", "amount", "currency"), Fixture.PAYMENTS_HOST,
                args -> "/payments/v1/" + args.getOrDefault("operation", "charge"), List.of("amount", "currency"),
                Map.of("token", "Authorization:Bearer "));
    }

    public static List<ApiTool> all(Hosts hosts, HttpClient http, Duration timeout) {
        return List.of(weather(), calendar(), search(), payments()).stream()
                .map(spec -> new ApiTool(spec, hosts, http, timeout))
                .toList();
    }
}
