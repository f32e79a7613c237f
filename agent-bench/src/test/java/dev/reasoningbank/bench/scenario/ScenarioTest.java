package dev.reasoningbank.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.failure.ErrorClassifier;
import dev.reasoningbank.core.tool.ToolException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stream mixes the classes as issue 4 asks, and the tools fail over real sockets. */
class ScenarioTest {

    private static final BenchConfig CONFIG = BenchConfig.reference();
    private static World world;

    @BeforeAll
    static void startTheWorld() {
        world = new World(CONFIG.start(), List.of(new Outage(Fixture.WEATHER_EU, CONFIG.start(), CONFIG.start().plusSeconds(60))),
                CONFIG.requestTimeout());
    }

    @AfterAll
    static void stopTheWorld() {
        world.close();
    }

    private static Scenario reference() {
        return TaskStream.generate(CONFIG.tasks(), CONFIG.seed(), CONFIG.start(), CONFIG.taskInterval(), CONFIG.skipFor());
    }

    @Test
    void the_stream_has_twelve_failure_classes_over_four_tools_each_recurring_with_different_arguments() {
        Map<FailureClass, List<BenchTask>> byClass = reference().tasks().stream().collect(Collectors.groupingBy(BenchTask::failureClass));

        assertThat(byClass).containsOnlyKeys(FailureClass.values());
        assertThat(List.of(FailureClass.values()).stream().map(FailureClass::tool).filter(t -> t != null).distinct()).hasSize(4);
        byClass.forEach((type, tasks) -> {
            assertThat(tasks).as(type.id()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(tasks.stream().map(t -> t.task().call().arguments()).distinct()).as(type.id()).hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void same_seed_gives_the_same_stream_and_another_seed_another() {
        assertThat(reference()).isEqualTo(reference());
        assertThat(TaskStream.generate(200, 8, CONFIG.start(), CONFIG.taskInterval(), CONFIG.skipFor()).tasks())
                .isNotEqualTo(reference().tasks());
    }

    @Test
    void no_task_calls_the_recovering_host_in_the_last_skip_window_of_an_outage() {
        Scenario scenario = reference();
        scenario.tasks().stream()
                .filter(t -> Fixture.WEATHER_EU.equals(t.task().call().arguments().get("host")))
                .forEach(t -> scenario.outages().forEach(o ->
                        assertThat(!t.startsAt().isBefore(o.until().minus(CONFIG.skipFor())) && t.startsAt().isBefore(o.until())).isFalse()));
    }

    @Test
    void a_host_that_is_down_refuses_the_connection() {
        assertThatThrownBy(() -> world.tool(ApiTools.WEATHER).invoke(weather(Fixture.WEATHER_EU, "CELSIUS", 3)))
                .isInstanceOf(ToolException.class)
                .hasCauseInstanceOf(ConnectException.class)
                .satisfies(e -> assertThat(ErrorClassifier.classify(e)).isEqualTo(ErrorKind.HOST_DOWN));
    }

    @Test
    void an_invalid_region_does_not_resolve() {
        assertThatThrownBy(() -> world.tool(ApiTools.WEATHER).invoke(weather(Fixture.WEATHER_AP, "CELSIUS", 3)))
                .hasCauseInstanceOf(UnknownHostException.class)
                .satisfies(e -> assertThat(ErrorClassifier.classify(e)).isEqualTo(ErrorKind.UNKNOWN_HOST));
    }

    @Test
    void a_long_forecast_times_out_at_the_gateway_at_once() {
        assertThatThrownBy(() -> world.tool(ApiTools.WEATHER).invoke(weather(Fixture.WEATHER_US, "CELSIUS", 14)))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.status()).isEqualTo(504))
                .satisfies(e -> assertThat(ErrorClassifier.classify(e)).isEqualTo(ErrorKind.TIMEOUT));
    }

    @Test
    void a_throttled_search_answers_429_with_retry_after() {
        world.apply(new BenchTask.Setup.ThrottleSearch());
        assertThatThrownBy(() -> world.tool(ApiTools.SEARCH).invoke(new HashMap<>(Map.of("endpoint", Fixture.SEARCH_V2, "q", "x"))))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                });
        world.clock().advance(Duration.ofSeconds(2));
    }

    @Test
    void the_apis_answer_the_documented_errors() {
        assertThat(errorOf(ApiTools.CALENDAR, Map.of("apiKey", Fixture.EXPIRED_CALENDAR_KEY, "date", "2026-01-02"))).startsWith("HTTP 401");
        assertThat(errorOf(ApiTools.CALENDAR, Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "02/01/2026"))).endsWith("date must be in format YYYY-MM-DD");
        assertThat(errorOf(ApiTools.SEARCH, Map.of("endpoint", Fixture.SEARCH_V1, "q", "x"))).startsWith("HTTP 410");
        assertThat(errorOf(ApiTools.SEARCH, Map.of("endpoint", Fixture.SEARCH_V2, "q", "x", "limit", 500))).endsWith("limit must be <= 100");
        assertThat(errorOf(ApiTools.WEATHER, weather(Fixture.WEATHER_US, "celsius", 3))).endsWith("unit must be one of [CELSIUS, FAHRENHEIT]");
        assertThat(errorOf(ApiTools.PAYMENTS, Map.of("token", Fixture.CHARGE_TOKEN, "operation", "charge", "amount", 5)))
                .endsWith("currency is required (default: EUR)");
        assertThat(errorOf(ApiTools.PAYMENTS, Map.of("token", Fixture.CHARGE_TOKEN, "operation", "refund", "amount", 5, "currency", "EUR")))
                .startsWith("HTTP 403");
    }

    private static String errorOf(String tool, Map<String, Object> arguments) {
        try {
            world.tool(tool).invoke(new HashMap<>(arguments));
            throw new AssertionError(tool + " succeeded");
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static Map<String, Object> weather(String host, String unit, int days) {
        return new HashMap<>(Map.of("host", host, "city", "Oslo", "unit", unit, "days", days));
    }
}
