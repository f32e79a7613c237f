package dev.reasoningbank.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.bank.ReasoningBankConfig;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningAgentTest {

    private static final String EXPIRED = "wk-expired-7f3a9c";
    private static final String VALID = "wk-live-22b81d";

    private final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    private final List<AgentEvent> events = new ArrayList<>();
    private final AtomicInteger hostCalls = new AtomicInteger();
    private final AtomicBoolean archiveUp = new AtomicBoolean(false);

    /** A weather API that rejects the expired key (echoing it, as real APIs do) and has one host that is down. */
    private final Tool weather = Tool.of("weather", List.of("host", "city", "apiKey"), args -> {
        hostCalls.incrementAndGet();
        String host = String.valueOf(args.get("host"));
        if (host.equals("archive.weather.example") && !archiveUp.get()) {
            throw new ToolException("cannot reach " + host, 0, null, host, new ConnectException("Connection refused"));
        }
        if (!VALID.equals(args.get("apiKey"))) {
            throw ToolException.http(401, "HTTP 401: API key '" + args.get("apiKey") + "' has expired; Authorization: Bearer "
                    + args.get("apiKey"), host);
        }
        return Map.of("city", args.get("city"), "tempC", 4);
    });

    private LearningAgent agent(ReasoningBank bank) {
        return LearningAgent.builder()
                .bank(bank)
                .tool(weather)
                .reflector(RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").skipFor(Duration.ofMinutes(10)).build())
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", VALID)))
                .sleeper(clock::advance)
                .listener(events::add)
                .build();
    }

    private ReasoningBank bank(Path file) {
        return ReasoningBank.builder().store(JsonFileLessonStore.open(file))
                .config(ReasoningBankConfig.custom().clock(clock).build()).build();
    }

    private static Task forecast(String id, String host, String city) {
        return Task.of(id, "weather in " + city, "weather", Map.of("host", host, "city", city, "apiKey", EXPIRED));
    }

    private static Task archive(String id) {
        return Task.of(id, "weather in Oslo", "weather", Map.of("host", "archive.weather.example", "city", "Oslo", "apiKey", VALID));
    }

    private List<Outcome> seedStory(LearningAgent agent) {
        return List.of(
                agent.run(forecast("1", "api.weather.example", "Paris")).outcome(),
                agent.run(forecast("2", "api.weather.example", "Paris")).outcome(),
                agent.run(forecast("3", "archive.weather.example", "Oslo")).outcome(),
                agent.run(forecast("4", "archive.weather.example", "Oslo")).outcome());
    }

    @Test
    void should_tell_the_seed_story_and_make_no_mistake_after_a_restart(@TempDir Path dir) {
        // given
        Path file = dir.resolve("bank.json");
        // when
        List<Outcome> first;
        try (ReasoningBank bank = bank(file)) {
            first = seedStory(agent(bank));
        }
        int callsBefore = hostCalls.get();
        List<Outcome> second;
        try (ReasoningBank bank = bank(file)) {
            second = seedStory(agent(bank));
        }
        // then
        assertThat(first).containsExactly(Outcome.FAILED, Outcome.SUCCEEDED, Outcome.FAILED, Outcome.SKIPPED);
        assertThat(second).containsExactly(Outcome.SUCCEEDED, Outcome.SUCCEEDED, Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(hostCalls.get() - callsBefore).as("the down host is never called again").isEqualTo(2);
    }

    @Test
    void should_learn_a_replace_param_lesson_that_names_the_source_not_the_secret(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("bank.json");
        try (ReasoningBank bank = bank(file)) {
            // when
            TaskResult result = agent(bank).run(forecast("1", "api.weather.example", "Paris"));
            // then
            Lesson lesson = bank.lesson(result.lessonLearned()).orElseThrow();
            assertThat(lesson.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
            assertThat(lesson.trigger().errorKind()).isEqualTo(ErrorKind.AUTH);
        }
        String bankFile = Files.readString(file);
        assertThat(bankFile).doesNotContain(EXPIRED).doesNotContain(VALID);
        assertThat(events).extracting(Object::toString).noneMatch(text -> text.contains(EXPIRED) || text.contains(VALID));
        assertThat(events).extracting(Object::toString).anyMatch(text -> text.contains("[REDACTED:"));
    }

    @Test
    void should_emit_every_phase_in_order() {
        LearningAgent agent = agent(ReasoningBank.builder().config(ReasoningBankConfig.custom().clock(clock).build()).build());
        agent.run(forecast("1", "api.weather.example", "Paris"));
        agent.run(forecast("2", "api.weather.example", "Rome"));
        assertThat(events).extracting(AgentEvent::type).containsExactly(
                AgentEvent.Type.RETRIEVED, AgentEvent.Type.FAILED, AgentEvent.Type.REFLECTED, AgentEvent.Type.MEMORIZED,
                AgentEvent.Type.RETRIEVED, AgentEvent.Type.APPLIED, AgentEvent.Type.EXECUTED);
    }

    @Test
    void should_probe_a_down_host_after_expiry_and_use_it_again_once_it_is_back(@TempDir Path dir) {
        try (ReasoningBank bank = bank(dir.resolve("bank.json"))) {
            LearningAgent agent = agent(bank);
            assertThat(agent.run(archive("1")).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(agent.run(archive("2")).outcome()).isEqualTo(Outcome.SKIPPED);
            // the lesson expires while the host is still down: the probe fails and the skip is renewed
            clock.advance(Duration.ofMinutes(11));
            assertThat(agent.run(archive("3")).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(events).extracting(AgentEvent::type).contains(AgentEvent.Type.PROBING);
            assertThat(agent.run(archive("4")).outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(bank.lessons()).singleElement().satisfies(l -> assertThat(l.stats().recurrences()).isEqualTo(1));
            // it comes back: after the renewed skip expires, the probe succeeds
            archiveUp.set(true);
            clock.advance(Duration.ofMinutes(11));
            assertThat(agent.run(archive("5")).outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(agent.run(archive("6")).outcome()).isEqualTo(Outcome.SUCCEEDED);
            // long after, the stale skip lesson no longer makes every call a probe
            clock.advance(Duration.ofMinutes(30));
            events.clear();
            assertThat(agent.run(archive("7")).outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(events).extracting(AgentEvent::type).doesNotContain(AgentEvent.Type.PROBING);
        }
    }

    @Test
    void should_back_off_honouring_retry_after_once_it_learned_about_the_rate_limit() {
        // given a tool that answers 429 with Retry-After: 3 s to every second call
        AtomicInteger calls = new AtomicInteger();
        List<Duration> slept = new ArrayList<>();
        Tool limited = Tool.of("search", List.of("q"), args -> {
            if (calls.incrementAndGet() % 2 == 1) {
                throw ToolException.rateLimited("HTTP 429 Too Many Requests", Duration.ofSeconds(3), "search.example");
            }
            return "results";
        });
        LearningAgent agent = LearningAgent.builder().bank(ReasoningBank.inMemory()).tool(limited)
                .sleeper(d -> slept.add(d)).build();
        // when
        TaskResult first = agent.run(Task.of("1", "search cats", "search", Map.of("q", "cats")));
        calls.set(2);
        TaskResult second = agent.run(Task.of("2", "search dogs", "search", Map.of("q", "dogs")));
        // then
        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(second.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(second.toolCalls()).isEqualTo(2);
        assertThat(slept).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void should_report_its_own_time_without_the_tools() {
        Tool slow = Tool.of("slow", List.of("q"), args -> {
            Thread.sleep(200);
            return "done";
        });
        LearningAgent agent = LearningAgent.builder().bank(ReasoningBank.inMemory()).tool(slow).build();
        long started = System.nanoTime();
        TaskResult result = agent.run(Task.of("1", "slow", "slow", Map.of("q", "x")));
        long total = System.nanoTime() - started;
        // the tool's 200 ms are not the loop's, however busy the machine is
        assertThat(result.learningNanos()).isPositive().isLessThanOrEqualTo(total - Duration.ofMillis(200).toNanos());
    }

    @Test
    void should_fix_a_date_format_for_every_later_date() {
        // given an API that wants ISO dates
        Tool calendar = Tool.of("calendar", List.of("date", "room"), args -> {
            String date = String.valueOf(args.get("date"));
            if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw ToolException.http(400, "HTTP 400: date must be in format YYYY-MM-DD, got '" + date + "'", "cal.example");
            }
            return "booked " + date;
        });
        ReasoningBank bank = ReasoningBank.inMemory();
        LearningAgent agent = LearningAgent.builder().bank(bank).tool(calendar).build();
        // when
        TaskResult first = agent.run(Task.of("1", "book", "calendar", Map.of("date", "25/11/2026", "room", "A")));
        TaskResult second = agent.run(Task.of("2", "book", "calendar", Map.of("date", "13/12/2026", "room", "B")));
        TaskResult ambiguous = agent.run(Task.of("3", "book", "calendar", Map.of("date", "03/12/2026", "room", "C")));
        TaskResult ambiguousAgain = agent.run(Task.of("4", "book", "calendar", Map.of("date", "03/12/2026", "room", "C")));
        // then
        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(second.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(second.result()).isEqualTo("booked 2026-12-13");
        // 3 December or 12 March: no silent guess, and no call that is sure to fail
        assertThat(ambiguous.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(ambiguousAgain.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(ambiguous.toolCalls() + ambiguousAgain.toolCalls()).isZero();
        assertThat(bank.lessons()).singleElement().extracting(Lesson::strategy)
                .isEqualTo(new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd"));
    }

    @Test
    void should_not_reflect_again_on_a_failure_the_bank_already_knows() {
        AtomicInteger reflections = new AtomicInteger();
        RuleBasedReflector rules = RuleBasedReflector.ofDefaults();
        LearningAgent agent = LearningAgent.builder().bank(ReasoningBank.inMemory()).tool(weather)
                .reflector(new dev.reasoningbank.core.reflect.Reflector() {
                    public String name() { return "counting"; }
                    public java.util.Optional<Lesson> reflect(dev.reasoningbank.core.failure.Failure f,
                            dev.reasoningbank.core.reflect.ReflectionContext c) {
                        reflections.incrementAndGet();
                        return rules.reflect(f, c);
                    }
                }).build();
        // no credential source: the rules can only advise, so the same call is not made again
        List<TaskResult> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(agent.run(forecast("t" + i, "api.weather.example", "Paris")));
        }
        assertThat(reflections.get()).isEqualTo(1);
        assertThat(runs).extracting(TaskResult::outcome).containsExactly(Outcome.FAILED, Outcome.REFUSED, Outcome.REFUSED);
        assertThat(runs).extracting(TaskResult::toolCalls).containsExactly(1, 0, 0);
        assertThat(agent.bank().lessons()).extracting(Lesson::status).containsExactlyInAnyOrder(LessonStatus.CANDIDATE, LessonStatus.UNFIXABLE);
    }

    @Test
    void should_stop_calling_when_the_lesson_did_not_work_and_nothing_else_can() {
        // the credential source holds a key that is also rejected: the lesson is applied and fails
        LearningAgent agent = LearningAgent.builder().bank(ReasoningBank.inMemory()).tool(weather)
                .reflector(RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").build())
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", "wk-also-expired")))
                .build();
        agent.run(forecast("0", "api.weather.example", "Paris"));
        String lessonId = agent.bank().lessons().get(0).id();
        List<TaskResult> runs = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            runs.add(agent.run(forecast("t" + i, "api.weather.example", "Paris")));
        }
        assertThat(runs).extracting(TaskResult::outcome).containsExactly(Outcome.FAILED, Outcome.REFUSED, Outcome.REFUSED);
        Lesson replace = agent.bank().lesson(lessonId).orElseThrow();
        assertThat(replace.stats().hurt()).as("the failure it targets came back after it was applied").isEqualTo(1);
        assertThat(agent.bank().lessons()).filteredOn(l -> l.status() == LessonStatus.UNFIXABLE).singleElement()
                .satisfies(mark -> assertThat(mark.refinement()).isEqualTo(1));
    }

    @Test
    void a_successor_the_server_names_by_its_version_is_learned_without_configuration() {
        Tool search = Tool.of("search", List.of("endpoint", "q"), args -> {
            if (!"/v2/search".equals(args.get("endpoint"))) {
                throw ToolException.response(410, Map.of(), "{\"message\":\"v1 is deprecated and was removed; use v2\"}", "search.example");
            }
            return "results";
        });
        LearningAgent agent = LearningAgent.builder().bank(ReasoningBank.inMemory()).tool(search).build();

        TaskResult first = agent.run(Task.of("1", "search", "search", Map.of("endpoint", "/v1/search", "q", "java")));
        TaskResult second = agent.run(Task.of("2", "search", "search", Map.of("endpoint", "/v1/search", "q", "kotlin")));

        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(second.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(agent.bank().lessons()).filteredOn(Lesson::isActive).singleElement().extracting(Lesson::strategy)
                .isEqualTo(new Strategy.UseAlternative("", "endpoint", "/v2/search"));
    }
}
