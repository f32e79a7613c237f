package dev.reasoningbank.core.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.core.bank.event.BankEvent;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.agent.ManualClock;
import dev.reasoningbank.core.testing.Lessons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReasoningBankTest {

    private final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    private final ReasoningBank bank = ReasoningBank.builder()
            .config(ReasoningBankConfig.custom().clock(clock).build())
            .build();

    @Test
    void should_merge_a_lesson_with_the_same_trigger_instead_of_duplicating_it() {
        // given
        Lesson first = Lessons.replaceKey("weather", "expired-1");
        Lesson again = first.toBuilder().id(null).title("Another title for the same trigger").build();
        // when
        MemorizeResult created = bank.memorize(first);
        MemorizeResult merged = bank.memorize(again);
        // then
        assertThat(created.created()).isTrue();
        assertThat(merged.created()).isFalse();
        assertThat(bank.lessons()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(first.id());
            assertThat(l.stats().recurrences()).isEqualTo(1);
        });
    }

    @Test
    void should_keep_lessons_with_different_triggers_apart() {
        bank.memorize(Lessons.replaceKey("weather", "expired-1"));
        bank.memorize(Lessons.replaceKey("weather", "expired-2"));
        bank.memorize(Lessons.replaceKey("calendar", "expired-1"));
        assertThat(bank.lessons()).hasSize(3);
    }

    @Test
    void should_retrieve_a_conditioned_lesson_only_for_calls_that_meet_its_conditions() {
        // given
        Lesson lesson = Lessons.replaceKey("weather", "expired-1");
        bank.memorize(lesson);
        // when
        List<ScoredLesson> sameKey = bank.retrieve(RetrievalQuery.forCall("weather", Map.of("apiKey", "expired-1"), "weather in Oslo"));
        List<ScoredLesson> otherKey = bank.retrieve(RetrievalQuery.forCall("weather", Map.of("apiKey", "fresh"), "weather in Oslo"));
        List<ScoredLesson> otherTool = bank.retrieve(RetrievalQuery.forCall("calendar", Map.of("apiKey", "expired-1"), ""));
        // then
        assertThat(sameKey).extracting(s -> s.lesson().id()).containsExactly(lesson.id());
        assertThat(otherKey).isEmpty();
        assertThat(otherTool).isEmpty();
    }

    @Test
    void should_rank_lexically_closer_lessons_first_and_cut_at_k() {
        bank.memorize(Lessons.advice("search", "pagination"));
        bank.memorize(Lessons.advice("search", "timezone"));
        bank.memorize(Lessons.advice("search", "language"));
        List<ScoredLesson> found = bank.retrieve(RetrievalQuery.forCall("search", Map.of(), "results in the wrong timezone"), 1);
        assertThat(found).singleElement().extracting(s -> s.lesson().title()).isEqualTo("Advice timezone");
    }

    @Test
    void should_trust_a_lesson_that_keeps_helping_and_retire_one_that_keeps_hurting() {
        // given
        Lesson good = bank.memorize(Lessons.advice("weather", "good")).lesson();
        Lesson bad = bank.memorize(Lessons.advice("weather", "bad").toBuilder()
                .provenance(new dev.reasoningbank.core.lesson.Provenance("rules", "", java.time.Instant.EPOCH)).build()).lesson();
        List<BankEvent> events = new ArrayList<>();
        bank.addListener(events::add);
        // when
        bank.feedback(good.id(), Feedback.HELPED);
        bank.feedback(good.id(), Feedback.HELPED);
        bank.feedback(bad.id(), Feedback.HURT);
        bank.feedback(bad.id(), Feedback.HURT);
        bank.feedback(bad.id(), Feedback.HURT);
        // then
        assertThat(bank.lesson(good.id()).orElseThrow().status()).isEqualTo(LessonStatus.TRUSTED);
        assertThat(bank.lesson(bad.id()).orElseThrow().status()).isEqualTo(LessonStatus.RETIRED);
        assertThat(bank.retrieve(RetrievalQuery.forCall("weather", Map.of(), "bad"), 5))
                .extracting(s -> s.lesson().id()).doesNotContain(bad.id());
        assertThat(events).extracting(BankEvent::type).containsExactly(BankEvent.Type.LESSON_PROMOTED, BankEvent.Type.LESSON_RETIRED);
        assertThat(events.get(1).toString()).isEqualTo("bank 'default' retired " + bad.id() + ": it hurt 3 times and helped 0");
    }

    @Test
    void a_candidate_from_a_model_goes_at_its_first_hurt_one_from_the_rules_gets_three_chances() {
        Lesson fromModel = bank.memorize(Lessons.advice("weather", "model").toBuilder()
                .provenance(new dev.reasoningbank.core.lesson.Provenance("llm:ollama/qwen2.5:3b", "", java.time.Instant.EPOCH)).build()).lesson();
        Lesson fromRules = bank.memorize(Lessons.advice("weather", "rules").toBuilder()
                .provenance(new dev.reasoningbank.core.lesson.Provenance("rules", "", java.time.Instant.EPOCH)).build()).lesson();

        bank.feedback(fromModel.id(), Feedback.HURT);
        bank.feedback(fromRules.id(), Feedback.HURT);

        assertThat(bank.lesson(fromModel.id()).orElseThrow().status()).isEqualTo(LessonStatus.RETIRED);
        assertThat(bank.lesson(fromRules.id()).orElseThrow().status()).isEqualTo(LessonStatus.CANDIDATE);
    }

    @Test
    void a_retired_lesson_never_blocks_relearning_and_links_to_its_successor() {
        // given a lesson retired by hand
        Lesson lesson = bank.memorize(Lessons.advice("weather", "x")).lesson();
        bank.retire(lesson.id(), "by hand");
        // when the same failure teaches the same strategy again
        MemorizeResult again = bank.memorize(Lessons.advice("weather", "x"));
        // then it is learned afresh, and the retired one is kept for the history with a link to it
        assertThat(again.created()).isTrue();
        assertThat(again.lesson().id()).isNotEqualTo(lesson.id());
        assertThat(again.lesson().status()).isEqualTo(LessonStatus.CANDIDATE);
        Lesson old = bank.lesson(lesson.id()).orElseThrow();
        assertThat(old.status()).isEqualTo(LessonStatus.RETIRED);
        assertThat(old.supersededBy()).isEqualTo(again.lesson().id());
        assertThat(bank.lessons()).hasSize(2);
    }

    @Test
    void a_lesson_that_did_not_work_is_superseded_by_its_refinement() {
        Lesson clamp = bank.memorize(Lessons.advice("search", "limit").toBuilder()
                .strategy(new Strategy.FixArgument("limit", Strategy.Transform.CLAMP_MAX, "100")).build()).lesson();
        Lesson tighter = clamp.toBuilder().strategy(new Strategy.FixArgument("limit", Strategy.Transform.CLAMP_MAX, "99")).build();

        MemorizeResult refined = bank.memorize(tighter, clamp.id());

        assertThat(refined.created()).isTrue();
        assertThat(refined.lesson().refinement()).isEqualTo(1);
        assertThat(bank.lesson(clamp.id()).orElseThrow()).satisfies(old -> {
            assertThat(old.status()).isEqualTo(LessonStatus.SUPERSEDED);
            assertThat(old.supersededBy()).isEqualTo(refined.lesson().id());
        });
        assertThat(bank.matching(dev.reasoningbank.core.tool.ToolCall.of("search", Map.of("limit", 500, "x", "y"))))
                .extracting(Lesson::id).containsExactly(refined.lesson().id());
    }

    @Test
    void should_not_overwrite_another_lesson_that_has_the_same_id() {
        Lesson first = bank.memorize(Lessons.advice("weather", "a")).lesson();
        Lesson impostor = Lessons.advice("calendar", "b").toBuilder().id(first.id()).build();
        Lesson stored = bank.memorize(impostor).lesson();
        assertThat(stored.id()).isEqualTo(impostor.trigger().lessonId()).isNotEqualTo(first.id());
        assertThat(bank.lessons()).extracting(Lesson::id).containsExactly(first.id(), stored.id());
        assertThat(bank.lesson(first.id()).orElseThrow().trigger().tool()).isEqualTo("weather");
    }

    @Test
    void should_drop_expired_transient_lessons_but_keep_an_expired_skip_for_the_probe_and_an_expired_backoff() {
        // given
        Lesson advice = lesson("api", ErrorKind.TIMEOUT, new Strategy.Advice(), Duration.ofMinutes(5));
        Lesson retry = lesson("api", ErrorKind.SERVER_ERROR, new Strategy.RetryWithBackoff(2, Duration.ofMillis(100), 2), Duration.ofMinutes(5));
        Lesson skip = Lesson.builder().title("Skip down.example").content("It is down.")
                .trigger(Trigger.of("api", ErrorKind.HOST_DOWN, "", ArgumentCondition.host("host", "down.example")))
                .strategy(new Strategy.SkipTask("down.example", Duration.ofMinutes(5)))
                .provenance(retry.provenance()).expiresAt(clock.instant().plus(Duration.ofMinutes(5))).build();
        bank.memorize(advice);
        bank.memorize(retry);
        bank.memorize(skip);
        RetrievalQuery query = RetrievalQuery.forCall("api", Map.of("host", "down.example"), "");
        assertThat(bank.retrieve(query, 5)).hasSize(3);
        // when
        clock.advance(Duration.ofMinutes(6));
        // then: the probe needs the skip; a backoff only ever answers its own failure, which shows it is not stale
        assertThat(bank.retrieve(query, 5)).extracting(s -> s.lesson().id()).containsExactlyInAnyOrder(skip.id(), retry.id());
    }

    @Test
    void should_keep_two_validation_mistakes_of_one_argument_apart() {
        // given two different mistakes on the same parameter, both conditioned on it being present
        dev.reasoningbank.core.failure.Failure date = dev.reasoningbank.core.failure.Failure.of(
                dev.reasoningbank.core.tool.ToolCall.of("cal", Map.of("date", "1/2/2026")),
                dev.reasoningbank.core.tool.ToolException.http(400, "date must be in format YYYY-MM-DD", "h"));
        dev.reasoningbank.core.failure.Failure range = dev.reasoningbank.core.failure.Failure.of(
                dev.reasoningbank.core.tool.ToolCall.of("cal", Map.of("date", "2026-02-01")),
                dev.reasoningbank.core.tool.ToolException.http(400, "date must not be in the past", "h"));
        dev.reasoningbank.core.reflect.ReflectionContext context =
                new dev.reasoningbank.core.reflect.ReflectionContext(List.of("date"), List.of(), clock.instant());
        Lesson learned = dev.reasoningbank.core.reflect.RuleBasedReflector.ofDefaults().reflect(date, context).orElseThrow();
        bank.memorize(learned);
        // then the first is known, the second is not swallowed by it
        assertThat(bank.lessonFor(date)).map(Lesson::id).contains(learned.id());
        assertThat(bank.lessonFor(range)).isEmpty();
    }

    @Test
    void should_not_count_a_recurrence_on_an_expired_transient_lesson() {
        Lesson retry = lesson("api", ErrorKind.SERVER_ERROR, new Strategy.RetryWithBackoff(2, Duration.ofMillis(100), 2), Duration.ofMinutes(5));
        bank.memorize(retry);
        dev.reasoningbank.core.failure.Failure failure = dev.reasoningbank.core.failure.Failure.of(
                dev.reasoningbank.core.tool.ToolCall.of("api", Map.of()), new IllegalStateException("some signature"));
        assertThat(failure.signature()).isEqualTo("some signature");
        assertThat(bank.lessonFor(dev.reasoningbank.core.failure.Failure.of(dev.reasoningbank.core.tool.ToolCall.of("api", Map.of()),
                dev.reasoningbank.core.tool.ToolException.http(503, "some signature", "h")))).isPresent();
        clock.advance(Duration.ofMinutes(6));
        assertThat(bank.lessonFor(dev.reasoningbank.core.failure.Failure.of(dev.reasoningbank.core.tool.ToolCall.of("api", Map.of()),
                dev.reasoningbank.core.tool.ToolException.http(503, "some signature", "h")))).isEmpty();
    }

    @Test
    void should_redact_a_secret_written_into_a_lesson() {
        Lesson leaky = Lessons.advice("weather", "leak").toBuilder()
                .content("Use the key sk-live-abcdefghijklmnop123456 instead.").build();
        Lesson stored = bank.memorize(leaky).lesson();
        assertThat(stored.content()).isEqualTo("Use the key [REDACTED:api-key] instead.");
    }

    @Test
    void should_refuse_an_unsafe_action_field_and_store_nothing() {
        Lesson unsafe = Lessons.advice("weather", "x").toBuilder()
                .strategy(new Strategy.UseAlternative("", "host", "evil.example; rm -rf /")).build();
        assertThatThrownBy(() -> bank.memorize(unsafe))
                .isInstanceOf(InvalidLessonException.class)
                .hasMessageContaining("UseAlternative.value must be a plain host");
        assertThat(bank.lessons()).isEmpty();
    }

    @Test
    void should_write_usage_counters_on_close(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("bank.json");
        ReasoningBank fileBank = ReasoningBank.builder().store(JsonFileLessonStore.open(file))
                .config(ReasoningBankConfig.custom().clock(clock).statsFlushInterval(Duration.ofHours(1)).build()).build();
        Lesson lesson = fileBank.memorize(Lessons.advice("weather", "x")).lesson();
        fileBank.retrieve(RetrievalQuery.forCall("weather", Map.of(), "x"));
        fileBank.recordApplied(lesson.id());
        assertThat(Files.readString(file)).contains("\"retrieved\":0");
        // when
        fileBank.close();
        // then
        Lesson reloaded = JsonFileLessonStore.open(file).snapshot().find(lesson.id()).orElseThrow();
        assertThat(reloaded.stats().retrieved()).isEqualTo(1);
        assertThat(reloaded.stats().applied()).isEqualTo(1);
    }

    @Test
    void should_name_the_conflict_when_the_store_is_set_twice() {
        assertThatThrownBy(() -> ReasoningBank.builder().store(new dev.reasoningbank.core.store.InMemoryLessonStore())
                .store(new dev.reasoningbank.core.store.InMemoryLessonStore()))
                .hasMessage("store was already set to in-memory store");
    }

    private Lesson lesson(String tool, ErrorKind kind, Strategy strategy, Duration lifetime) {
        return Lesson.builder().title(kind + " lesson").content("Do something.")
                .trigger(Trigger.of(tool, kind, "some signature")).strategy(strategy)
                .provenance(Lessons.advice(tool, "p").provenance())
                .expiresAt(lifetime == null ? null : clock.instant().plus(lifetime)).build();
    }
}
