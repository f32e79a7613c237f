package dev.reasoningbank.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With the in-process embedding model, the bank merges two lessons of one meaning (cosine at least 0.9) and keeps apart two of different ones. */
class NearDuplicateByMeaningTest {

    private static Lesson byModel(String signature, String title, String content) {
        return Lesson.builder().title(title).content(content)
                .trigger(new Trigger("weather", ErrorKind.VALIDATION, signature, List.of(ArgumentCondition.present("date"))))
                .strategy(new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd"))
                .provenance(new Provenance("llm:ollama/qwen2.5:3b", "", Instant.parse("2026-01-01T00:00:00Z")))
                .build();
    }

    @Test
    void lessons_of_one_meaning_in_other_words_are_merged_and_others_are_not() {
        EmbeddingLessonRetriever retriever = EmbeddingLessonRetriever.ofDefaults();
        ReasoningBank bank = ReasoningBank.builder().retriever(retriever).build();
        Lesson first = byModel("date must be iso-8601", "Send dates as yyyy-MM-dd",
                "The weather API rejects dates like 27/11/2026; reformat the date parameter to ISO yyyy-MM-dd before calling.");
        Lesson sameMeaning = byModel("invalid date format", "Reformat the date to ISO yyyy-MM-dd",
                "Dates such as 11/27/2026 are rejected by the weather API: send the date parameter in ISO format yyyy-MM-dd.");
        Lesson otherMeaning = byModel("days out of range", "Cap the number of days",
                "The forecast endpoint allows at most 7 days; lower the days argument before calling.");

        assertThat(retriever.sameMeaning()).isEqualTo(0.9);
        assertThat(retriever.similarity(first, sameMeaning)).isGreaterThanOrEqualTo(0.9);
        assertThat(retriever.similarity(first, otherMeaning)).isLessThan(0.9);

        bank.memorize(first);
        bank.memorize(sameMeaning);
        bank.memorize(otherMeaning);

        assertThat(bank.lessons()).hasSize(2);
        assertThat(bank.lessons()).filteredOn(l -> !l.merged().isEmpty()).singleElement().satisfies(l -> {
            assertThat(l.title()).isEqualTo(first.title());
            assertThat(l.merged()).singleElement().satisfies(m -> assertThat(m.signature()).isEqualTo("invalid date format"));
        });
    }
}
