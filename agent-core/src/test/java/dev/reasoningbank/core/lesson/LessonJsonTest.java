package dev.reasoningbank.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.store.LessonJson;
import dev.reasoningbank.core.testing.Lessons;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonJsonTest {

    @Test
    void every_strategy_should_survive_a_round_trip() throws Exception {
        Lesson base = Lessons.advice("api", "x");
        List<Strategy> strategies = List.of(
                new Strategy.ReplaceParam("apiKey", "api.key"),
                new Strategy.SkipTask("down.example:8080", Duration.ofMinutes(10)),
                new Strategy.RetryWithBackoff(3, Duration.ofMillis(250), 2.0),
                new Strategy.UseAlternative("", "endpoint", "/v2/forecast"),
                new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd"),
                new Strategy.Advice());
        for (Strategy strategy : strategies) {
            Lesson lesson = base.toBuilder().strategy(strategy).expiresAt(Instant.parse("2026-02-01T00:00:00Z")).build();
            List<Lesson> back = LessonJson.readLessons(LessonJson.writeLessons(List.of(lesson)).getBytes());
            assertThat(back).containsExactly(lesson);
        }
    }
}
