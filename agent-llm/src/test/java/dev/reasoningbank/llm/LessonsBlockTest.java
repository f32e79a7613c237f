package dev.reasoningbank.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.testing.Lessons;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonsBlockTest {

    private final LessonsBlock block = new LessonsBlock(PromptTemplates.classpath());

    private static List<Lesson> lessons(int count) {
        List<Lesson> lessons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Lesson advice = Lessons.advice("weather", "case" + i);
            lessons.add(advice.toBuilder().content("Pass the city as its official English name, with its country code, e.g. Oslo,NO; "
                    + "the API rejects local spellings and abbreviations (case " + i + ").").build());
        }
        return lessons;
    }

    @Test
    void the_most_relevant_lessons_that_fit_the_budget_are_shown_and_no_more() {
        List<Lesson> ranked = lessons(6);
        int one = LessonsBlock.estimatedTokens(PromptData.lesson(ranked.get(0)));

        String shown = block.render(ranked, 3 * one);

        assertThat(shown).contains(ranked.get(0).id(), ranked.get(1).id(), ranked.get(2).id()).doesNotContain(ranked.get(3).id());
        String lessonsPart = PromptData.lessons(ranked.subList(0, 3));
        assertThat(LessonsBlock.estimatedTokens(lessonsPart)).isLessThanOrEqualTo(3 * one + 3);
    }

    @Test
    void the_default_budget_keeps_the_block_near_200_tokens_and_a_zero_budget_shows_nothing() {
        List<Lesson> ranked = lessons(10);
        String full = block.render(ranked);
        String budgeted = block.render(ranked, 200);
        String frame = block.render(List.of());

        assertThat(LessonsBlock.estimatedTokens(full)).isGreaterThan(400);
        assertThat(LessonsBlock.estimatedTokens(budgeted)).isLessThanOrEqualTo(200 + 130);
        assertThat(budgeted).contains(ranked.get(0).id());
        assertThat(block.render(ranked, 0)).isEqualTo(frame).isEmpty();
    }
}
