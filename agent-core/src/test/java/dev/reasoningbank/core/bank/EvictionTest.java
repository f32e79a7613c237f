package dev.reasoningbank.core.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.agent.ManualClock;
import dev.reasoningbank.core.bank.event.BankEvent;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.testing.Lessons;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictionTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<BankEvent> events = new ArrayList<>();

    private ReasoningBank bank(ReasoningBankConfig.Builder config) {
        ReasoningBank bank = ReasoningBank.builder().config(config.clock(clock).statsFlushInterval(Duration.ZERO).build()).build();
        bank.addListener(events::add);
        return bank;
    }

    private static Lesson lesson(String tool, String name, Instant at) {
        Lesson advice = Lessons.advice(tool, name);
        return advice.toBuilder().provenance(new Provenance("test", "", at)).build();
    }

    @Test
    void a_tool_keeps_at_most_its_cap_and_a_trusted_lesson_that_helped_outlives_candidates_that_never_did() {
        ReasoningBank bank = bank(ReasoningBankConfig.custom().maxLessonsPerTool(3));
        Lesson useful = bank.memorize(lesson("weather", "useful", clock.instant())).lesson();
        bank.recordApplied(useful.id());
        bank.feedback(useful.id(), Feedback.HELPED);
        bank.trust(useful.id());

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            bank.memorize(lesson("weather", "candidate-" + i, clock.instant()));
            assertThat(bank.lessons()).hasSizeLessThanOrEqualTo(3);
        }

        assertThat(bank.lessons()).extracting(Lesson::id).contains(useful.id());
        assertThat(bank.lessons()).filteredOn(l -> l.id().equals(useful.id())).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LessonStatus.TRUSTED));
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LessonEvicted).hasSize(3)
                .allSatisfy(e -> assertThat(e.toString()).contains("at most 3 per tool"));
    }

    @Test
    void the_bank_never_exceeds_its_cap_over_a_long_stream() {
        ReasoningBank bank = bank(ReasoningBankConfig.custom().maxLessons(50));
        int most = 0;
        for (int i = 0; i < 400; i++) {
            clock.advance(Duration.ofSeconds(10));
            bank.memorize(lesson("tool-" + (i % 10), "case-" + i, clock.instant()));
            most = Math.max(most, bank.lessons().size());
        }
        assertThat(most).isEqualTo(50);
        assertThat(bank.lessons()).extracting(l -> l.title()).contains("Advice case-399");
    }

    @Test
    void a_lesson_unused_for_too_long_expires() {
        ReasoningBank bank = bank(ReasoningBankConfig.custom().expireUnusedAfter(Duration.ofDays(30)));
        Lesson old = bank.memorize(lesson("weather", "old", clock.instant())).lesson();
        Lesson used = bank.memorize(lesson("weather", "used", clock.instant())).lesson();
        clock.advance(Duration.ofDays(20));
        bank.recordApplied(used.id());
        clock.advance(Duration.ofDays(15));

        bank.memorize(lesson("weather", "new", clock.instant()));

        assertThat(bank.lessons()).extracting(Lesson::id).doesNotContain(old.id()).contains(used.id());
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LessonEvicted).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains(old.id(), "not used since"));
    }

    @Test
    void a_mark_that_still_refuses_a_call_is_never_evicted_and_an_expired_one_goes_first() {
        ReasoningBank bank = bank(ReasoningBankConfig.custom().maxLessonsPerTool(2));
        Lesson holding = bank.memorize(lesson("weather", "unfixable-now", clock.instant()).toBuilder()
                .status(LessonStatus.UNFIXABLE).expiresAt(clock.instant().plus(Duration.ofDays(1))).build()).lesson();
        Lesson expired = bank.memorize(lesson("weather", "unfixable-before", clock.instant()).toBuilder()
                .status(LessonStatus.UNFIXABLE).expiresAt(clock.instant().plus(Duration.ofMinutes(1))).build()).lesson();
        clock.advance(Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            bank.memorize(lesson("weather", "candidate-" + i, clock.instant()));
        }

        assertThat(bank.lessons()).extracting(Lesson::id).contains(holding.id()).doesNotContain(expired.id());
    }

    @Test
    void an_import_keeps_the_caps_too() {
        ReasoningBank bank = bank(ReasoningBankConfig.custom().maxLessonsPerTool(5));
        List<Lesson> imported = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            imported.add(lesson("weather", "imported-" + i, clock.instant().plusSeconds(i)));
        }

        bank.memorizeAll(imported);

        assertThat(bank.lessons()).hasSize(5);
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LessonEvicted).hasSize(7);
    }
}
