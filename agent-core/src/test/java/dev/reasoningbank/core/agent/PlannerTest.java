package dev.reasoningbank.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.bank.ReasoningBankConfig;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonPolicy;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Strategy.Transform;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final ReasoningBank bank = ReasoningBank.builder().config(ReasoningBankConfig.custom().topK(3).build()).build();
    private final Planner planner = new Planner(bank, ParameterSource.of(Map.of("search.key", "fresh-key-123")),
            LessonPolicy.of(java.util.Set.of(), java.util.Set.of("search.key")));

    private static Lesson lesson(String title, Strategy strategy, ArgumentCondition... conditions) {
        return Lesson.builder().title(title).content(title + ".")
                .trigger(Trigger.of("search", ErrorKind.VALIDATION, "sig " + title, conditions))
                .strategy(strategy)
                .provenance(new Provenance("test", "", Instant.parse("2026-01-01T00:00:00Z")))
                .build();
    }

    @Test
    void every_matching_lesson_applies_however_many_lessons_the_tool_has_and_the_prompt_shows_at_most_top_k() {
        // given 20 lessons on one tool, 5 of which the call meets
        bank.memorize(lesson("key", new Strategy.ReplaceParam("apiKey", "search.key"), ArgumentCondition.sameValue("apiKey", "expired")));
        bank.memorize(lesson("limit", new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "100"), ArgumentCondition.present("limit")));
        bank.memorize(lesson("date", new Strategy.FixArgument("date", Transform.DATE_FORMAT, "yyyy-MM-dd"), ArgumentCondition.present("date")));
        bank.memorize(lesson("unit", new Strategy.FixArgument("unit", Transform.UPPERCASE, ""), ArgumentCondition.present("unit")));
        bank.memorize(lesson("endpoint", new Strategy.UseAlternative("", "endpoint", "/v2/search"), ArgumentCondition.sameValue("endpoint", "/v1/search")));
        for (int i = 0; i < 15; i++) {
            bank.memorize(lesson("other " + i, new Strategy.FixArgument("q", Transform.TRIM, ""), ArgumentCondition.sameValue("q", "other " + i)));
        }
        ToolCall call = ToolCall.of("search", Map.of("apiKey", "expired", "limit", 500, "date", "27/11/2026", "unit", "celsius",
                "endpoint", "/v1/search", "q", "java"));

        // when
        Plan plan = planner.plan(call, "search java", t -> true);

        // then
        assertThat(plan.applied()).hasSize(5);
        assertThat(plan.call().arguments()).containsEntry("apiKey", "fresh-key-123").containsEntry("limit", 100L)
                .containsEntry("date", "2026-11-27").containsEntry("unit", "CELSIUS").containsEntry("endpoint", "/v2/search");
        assertThat(bank.retrieveForPrompt(List.of("search"), "search java", bank.config().topK())).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void of_two_lessons_on_one_parameter_the_more_specific_wins_and_the_plan_says_so() {
        Lesson general = bank.memorize(lesson("general", new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "100"),
                ArgumentCondition.present("limit"))).lesson();
        Lesson specific = bank.memorize(lesson("specific", new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "50"),
                ArgumentCondition.present("limit"), ArgumentCondition.sameValue("q", "huge"))).lesson();

        Plan plan = planner.plan(ToolCall.of("search", Map.of("limit", 500, "q", "huge")), "", t -> true);

        assertThat(plan.call().arguments()).containsEntry("limit", 50L);
        assertThat(plan.applied()).singleElement().satisfies(a -> {
            assertThat(a.lesson().id()).isEqualTo(specific.id());
            assertThat(a.action()).contains(general.id() + " also acts on limit but its trigger is less specific");
        });
    }

    @Test
    void a_lesson_that_leaves_the_call_unchanged_is_not_applied() {
        bank.memorize(lesson("limit", new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "100"), ArgumentCondition.present("limit")));

        Plan plan = planner.plan(ToolCall.of("search", Map.of("limit", 20)), "", t -> true);

        assertThat(plan.applied()).isEmpty();
        assertThat(plan.call().arguments()).containsEntry("limit", 20);
    }

    @Test
    void a_lesson_the_policy_forbids_is_never_applied_however_it_reached_the_bank() {
        // given lessons an import or a shared bank could hold, none of which this deployment configured
        bank.memorize(lesson("tool", new Strategy.UseAlternative("exfiltrate", "", ""), ArgumentCondition.present("q")));
        bank.memorize(lesson("key", new Strategy.ReplaceParam("apiKey", "aws.secret.access.key"), ArgumentCondition.present("apiKey")));
        bank.memorize(lesson("host", new Strategy.UseAlternative("", "host", "evil.example"), ArgumentCondition.present("host")));
        bank.memorize(lesson("skip", new Strategy.SkipTask("api.search.example", java.time.Duration.ofDays(30)),
                ArgumentCondition.host("host", "api.search.example")));

        Plan plan = planner.plan(ToolCall.of("search", Map.of("q", "java", "apiKey", "mine", "host", "api.search.example")), "", t -> true);

        assertThat(plan.applied()).isEmpty();
        assertThat(plan.skipped()).isFalse();
        assertThat(plan.call().tool()).isEqualTo("search");
        assertThat(plan.call().arguments()).containsEntry("apiKey", "mine").containsEntry("host", "api.search.example");
    }
}
