package dev.reasoningbank.bench.scenario;

import dev.reasoningbank.core.agent.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates the seeded task stream: the classes mixed by weight, each recurring with different
 * arguments (cities, dates in several wrong formats, queries, sizes, amounts) so that a lesson must
 * generalize beyond one literal value. Tasks start one {@code interval} apart.
 *
 * <p>The EU weather host is down during two windows (15–35 % and 60–75 % of the stream). No task
 * calls it during the last {@code skipFor} of a window: a call there could only be skipped although
 * the host comes back within the skip, by any circuit breaker (the oracle's too). Those tasks go to
 * the US host instead.
 */
public final class TaskStream {

    private static final Map<FailureClass, Integer> WEIGHTS = weights();
    private static final List<String> CITIES = List.of(
            "Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Quebec", "Perth", "Tallinn", "Accra", "Hanoi", "Denver", "Porto");
    private static final List<String> QUERIES = List.of(
            "java records", "circuit breaker", "retry after header", "jackson polymorphism", "http 410 gone",
            "virtual threads", "rate limiting", "json schema", "idempotency keys", "structured logging");
    private static final List<String> WRONG_DATE_FORMATS = List.of(
            "dd/MM/yyyy", "dd.MM.yyyy", "yyyy/MM/dd", "yyyyMMdd", "d MMM yyyy", "MMM d, yyyy");
    private static final List<String> UNAMBIGUOUS_DATE_FORMATS = List.of("d MMM yyyy", "MMM d, yyyy", "dd.MM.yyyy", "yyyy/MM/dd");
    private static final List<String> UNIT_SPELLINGS = List.of("celsius", "fahrenheit", "Celsius", "Fahrenheit", "cElsius");
    private static final List<String> HEALTHY_WEATHER_HOSTS = List.of(Fixture.WEATHER_US, Fixture.WEATHER_AP2);

    private final Random random;
    private final Instant start;
    private final Duration interval;
    private final Duration skipFor;

    private TaskStream(long seed, Instant start, Duration interval, Duration skipFor) {
        this.random = new Random(seed);
        this.start = start;
        this.interval = interval;
        this.skipFor = skipFor;
    }

    /** The stream of {@code count} tasks for {@code seed}: same seed, same stream. */
    public static Scenario generate(int count, long seed, Instant start, Duration interval, Duration skipFor) {
        return new TaskStream(seed, start, interval, skipFor).generate(count);
    }

    private Scenario generate(int count) {
        Duration length = interval.multipliedBy(count);
        List<Outage> outages = List.of(
                new Outage(Fixture.WEATHER_EU, at(length, 0.15), at(length, 0.35)),
                new Outage(Fixture.WEATHER_EU, at(length, 0.60), at(length, 0.75)));
        List<BenchTask> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant startsAt = start.plus(interval.multipliedBy(i + 1L));
            FailureClass type = pick();
            tasks.add(task(i, type, startsAt, outages));
        }
        return new Scenario(tasks, outages);
    }

    private Instant at(Duration length, double fraction) {
        long minutes = Math.round(length.toMinutes() * fraction);
        return start.plus(Duration.ofMinutes(minutes));
    }

    private FailureClass pick() {
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (Map.Entry<FailureClass, Integer> e : WEIGHTS.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        throw new AssertionError("weights do not add up");
    }

    private BenchTask task(int index, FailureClass type, Instant startsAt, List<Outage> outages) {
        String id = "T" + (index + 1);
        BenchTask.Setup setup = BenchTask.Setup.NONE;
        Task task = switch (type) {
            case EXPIRED_CREDENTIAL -> calendar(id, Fixture.EXPIRED_CALENDAR_KEY, isoDate());
            case WRONG_DATE_FORMAT -> {
                LocalDate date = randomDate();
                setup = new BenchTask.Setup.Expect(Map.of("date", date));
                yield calendar(id, Fixture.CALENDAR_KEY, date.format(DateTimeFormatter.ofPattern(one(WRONG_DATE_FORMATS), Locale.ENGLISH)));
            }
            case BOUND_TIGHTER_THAN_DOCUMENTED -> with(calendar(id, Fixture.CALENDAR_KEY, isoDate()), "days", days(32, 90));
            case NEEDS_A_SECOND_TRANSFORM -> {
                LocalDate at = randomDate();
                setup = new BenchTask.Setup.Expect(Map.of("at", at));
                yield with(calendar(id, Fixture.CALENDAR_KEY, isoDate()),
                        "at", at.format(DateTimeFormatter.ofPattern(one(UNAMBIGUOUS_DATE_FORMATS), Locale.ENGLISH)));
            }
            case AMBIGUOUS_DATE -> {
                // a US date whose day is 12 or less: month/day and day/month both read as a date
                int month = 1 + random.nextInt(12);
                int day = 1 + random.nextInt(11);
                LocalDate date = LocalDate.of(2027, month, day >= month ? day + 1 : day);
                setup = new BenchTask.Setup.Expect(Map.of("date", date));
                yield calendar(id, Fixture.CALENDAR_KEY, date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH)));
            }
            case HOST_DOWN_RECOVERS -> weather(id, comebackSafe(startsAt, outages), one(CITIES), one(Fixture.UNITS), days(1, 7));
            case CASE_SENSITIVE_ENUM -> weather(id, one(HEALTHY_WEATHER_HOSTS), one(CITIES), one(UNIT_SPELLINGS), days(1, 7));
            case TIMEOUT_ON_OVERSIZED_REQUEST -> weather(id, one(HEALTHY_WEATHER_HOSTS), one(CITIES), one(Fixture.UNITS), days(8, 30));
            case UNRESOLVABLE_REGION -> weather(id, Fixture.WEATHER_AP, one(CITIES), one(Fixture.UNITS), days(1, 7));
            case CANNOT_SUCCEED -> weather(id, Fixture.WEATHER_LEGACY, one(CITIES), one(Fixture.UNITS), days(1, 7));
            case RATE_LIMITED -> {
                setup = new BenchTask.Setup.ThrottleSearch();
                yield search(id, Fixture.SEARCH_V2, random.nextInt(100) + 1);
            }
            case DEPRECATED_ENDPOINT -> search(id, Fixture.SEARCH_V1, random.nextInt(100) + 1);
            case PAGE_SIZE_OVER_LIMIT -> search(id, Fixture.SEARCH_V2, 101 + random.nextInt(900));
            case MISSING_PARAMETER_WITH_DEFAULT -> payments(id, Fixture.CHARGE_TOKEN, "charge", null);
            case INSUFFICIENT_SCOPE -> payments(id, Fixture.CHARGE_TOKEN, "refund", one(List.of("EUR", "USD", "GBP")));
            case TRANSIENT_SERVER_ERROR -> {
                setup = new BenchTask.Setup.BlipPayments(1 + random.nextInt(2));
                yield payments(id, Fixture.CHARGE_TOKEN, "charge", one(List.of("EUR", "USD", "GBP")));
            }
            case ALWAYS_SUCCEEDS -> healthy(id);
        };
        return new BenchTask(index, type, startsAt, setup, task);
    }

    /** The EU host, except in the last {@code skipFor} of an outage (see the class comment). */
    private String comebackSafe(Instant at, List<Outage> outages) {
        boolean inShadow = outages.stream().anyMatch(o -> !at.isBefore(o.until().minus(skipFor)) && at.isBefore(o.until()));
        return inShadow ? Fixture.WEATHER_US : Fixture.WEATHER_EU;
    }

    private Task healthy(String id) {
        return switch (random.nextInt(4)) {
            case 0 -> weather(id, one(HEALTHY_WEATHER_HOSTS), one(CITIES), one(Fixture.UNITS), days(1, 7));
            case 1 -> calendar(id, Fixture.CALENDAR_KEY, isoDate());
            case 2 -> search(id, Fixture.SEARCH_V2, random.nextInt(100) + 1);
            default -> payments(id, Fixture.CHARGE_TOKEN, "charge", one(List.of("EUR", "USD", "GBP")));
        };
    }

    private Task weather(String id, String host, String city, String unit, int days) {
        return Task.of(id, "forecast for " + city + " over " + days + " days", ApiTools.WEATHER,
                ordered("host", host, "city", city, "unit", unit, "days", days));
    }

    private Task calendar(String id, String key, String date) {
        return Task.of(id, "list the calendar events on " + date, ApiTools.CALENDAR, ordered("apiKey", key, "date", date));
    }

    private static Task with(Task task, String parameter, Object value) {
        return new Task(task.id(), task.description(), task.call().withArgument(parameter, value));
    }

    private Task search(String id, String endpoint, int limit) {
        String q = one(QUERIES);
        return Task.of(id, "search the docs for " + q, ApiTools.SEARCH, ordered("endpoint", endpoint, "q", q, "limit", limit));
    }

    private Task payments(String id, String token, String operation, String currency) {
        int amount = 5 + random.nextInt(495);
        Map<String, Object> args = ordered("token", token, "operation", operation, "amount", amount);
        if (currency != null) {
            args.put("currency", currency);
        }
        return Task.of(id, operation + " a payment of " + amount, ApiTools.PAYMENTS, args);
    }

    private String isoDate() {
        return randomDate().toString();
    }

    private String dateIn(String pattern) {
        return randomDate().format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
    }

    private LocalDate randomDate() {
        return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
    }

    private int days(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private <T> T one(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<FailureClass, Integer> weights() {
        Map<FailureClass, Integer> w = new EnumMap<>(FailureClass.class);
        for (FailureClass c : FailureClass.values()) {
            w.put(c, 6);
        }
        w.put(FailureClass.ALWAYS_SUCCEEDS, 20);
        w.put(FailureClass.HOST_DOWN_RECOVERS, 10);
        w.put(FailureClass.CANNOT_SUCCEED, 4);
        return w;
    }
}
