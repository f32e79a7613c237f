package dev.reasoningbank.core.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.event.BankEvent;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model says the same thing in other words for two failures: the bank keeps one lesson, not two. */
class NearDuplicateLessonsTest {

    static final Strategy ISO_DATE = new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd");

    /** A lesson a model wrote for the failure of this signature. */
    static Lesson byModel(String signature, String title, String content, Strategy strategy) {
        return Lesson.builder().title(title).content(content)
                .trigger(new Trigger("weather", ErrorKind.VALIDATION, signature, List.of(ArgumentCondition.present("date"))))
                .strategy(strategy)
                .provenance(new Provenance("llm:ollama/qwen2.5:3b", "", Instant.parse("2026-01-01T00:00:00Z")))
                .build();
    }

    static final Lesson FIRST = byModel("date must be iso-8601", "Send dates as yyyy-MM-dd",
            "The weather API rejects dates like 27/11/2026; reformat the date parameter to ISO yyyy-MM-dd before calling.", ISO_DATE);
    static final Lesson SAME_IN_OTHER_WORDS = byModel("invalid date format", "Reformat the date to ISO yyyy-MM-dd",
            "Dates such as 11/27/2026 are rejected by the weather API: send the date parameter in ISO format yyyy-MM-dd.", ISO_DATE);

    @Test
    void a_near_duplicate_by_word_overlap_is_merged_with_its_counters_and_its_failure() {
        ReasoningBank bank = ReasoningBank.builder().build();
        List<BankEvent> events = new ArrayList<>();
        bank.addListener(events::add);

        Lesson kept = bank.memorize(FIRST).lesson();
        MemorizeResult second = bank.memorize(SAME_IN_OTHER_WORDS);

        assertThat(second.created()).isFalse();
        assertThat(bank.lessons()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(kept.id());
            assertThat(l.stats().recurrences()).isEqualTo(1);
            assertThat(l.merged()).singleElement().satisfies(m -> {
                assertThat(m.title()).isEqualTo(SAME_IN_OTHER_WORDS.title());
                assertThat(m.signature()).isEqualTo("invalid date format");
                assertThat(m.similarity()).isGreaterThanOrEqualTo(0.6);
            });
        });
        assertThat(events).extracting(BankEvent::type).containsExactly(BankEvent.Type.LESSON_ADDED, BankEvent.Type.LESSON_MERGED);
        // the failure the merged lesson was written for is known to the lesson that absorbed it
        Failure again = Failure.of(ToolCall.of("weather", Map.of("date", "11/27/2026")), ToolException.http(400, "invalid date format", "h"));
        assertThat(again.signature()).isEqualTo("invalid date format");
        assertThat(bank.lessonFor(again)).map(Lesson::id).contains(kept.id());
    }

    @Test
    void a_merge_is_kept_in_the_bank_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("bank.json");
        try (ReasoningBank bank = ReasoningBank.builder().store(dev.reasoningbank.core.store.JsonFileLessonStore.open(file)).build()) {
            bank.memorize(FIRST);
            bank.memorize(SAME_IN_OTHER_WORDS);
        }
        try (ReasoningBank reopened = ReasoningBank.builder().store(dev.reasoningbank.core.store.JsonFileLessonStore.open(file)).build()) {
            assertThat(reopened.lessons()).singleElement().satisfies(l -> assertThat(l.merged()).extracting(m -> m.signature())
                    .containsExactly("invalid date format"));
        }
    }

    @Test
    void the_same_words_with_another_strategy_or_from_the_rules_are_not_merged() {
        ReasoningBank bank = ReasoningBank.builder().build();
        bank.memorize(FIRST);

        bank.memorize(byModel("invalid date format", SAME_IN_OTHER_WORDS.title(), SAME_IN_OTHER_WORDS.content(),
                new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, "dd.MM.yyyy")));
        bank.memorize(SAME_IN_OTHER_WORDS.toBuilder().id("L-from-rules")
                .trigger(new Trigger("weather", ErrorKind.VALIDATION, "date is not a date", List.of(ArgumentCondition.present("date"))))
                .provenance(new Provenance("rules", "", Instant.parse("2026-01-01T00:00:00Z"))).build());
        bank.memorize(byModel("days out of range", "Cap the number of days",
                "The forecast endpoint allows at most 7 days; lower the days argument before calling.", ISO_DATE));

        assertThat(bank.lessons()).hasSize(4).allSatisfy(l -> assertThat(l.merged()).isEmpty());
    }
}
