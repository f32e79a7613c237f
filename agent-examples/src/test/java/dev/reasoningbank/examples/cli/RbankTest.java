package dev.reasoningbank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reasoningbank.core.store.LessonJson;
import dev.reasoningbank.examples.demo.SeedDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RbankTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return LessonJson.mapper().readTree(out);
        }
    }

    private Run rbank(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Rbank.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("RB_BANK", dir.resolve("default-bank.json").toString()));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> outcomes(JsonNode demo) {
        List<String> outcomes = new ArrayList<>();
        demo.get("attempts").forEach(a -> outcomes.add(a.get("outcome").asText()));
        return outcomes;
    }

    @Test
    void demo_should_fail_succeed_fail_skip_then_make_no_mistake_on_the_same_bank() throws Exception {
        // given
        String bank = dir.resolve("bank.json").toString();
        // when
        Run first = rbank("demo", "--bank", bank, "--json");
        Run second = rbank("demo", "--bank", bank, "--json");
        // then
        assertThat(first.exit()).isZero();
        assertThat(outcomes(first.json())).containsExactly("FAILED", "SUCCEEDED", "FAILED", "SKIPPED");
        assertThat(first.json().get("lessonsInBank").asInt()).isEqualTo(2);
        JsonNode attempts = first.json().get("attempts");
        assertThat(attempts.get(0).get("lessonLearned").asText()).startsWith("L-");
        assertThat(attempts.get(0).get("lessonApplied").isNull()).isTrue();
        assertThat(attempts.get(1).get("lessonApplied").asText()).isEqualTo(attempts.get(0).get("lessonLearned").asText());
        assertThat(attempts.get(3).get("lessonApplied").asText()).isEqualTo(attempts.get(2).get("lessonLearned").asText());
        assertThat(outcomes(second.json())).doesNotContain("FAILED").containsExactly("SUCCEEDED", "SUCCEEDED", "SKIPPED", "SKIPPED");
        assertThat(second.json().get("lessonsInBank").asInt()).isEqualTo(2);
    }

    @Test
    void demo_should_keep_the_echoed_key_out_of_the_bank_and_the_output() throws Exception {
        Path bank = dir.resolve("bank.json");
        Run run = rbank("demo", "--bank", bank.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("[REDACTED:argument]").doesNotContain(SeedDemo.EXPIRED_KEY).doesNotContain(SeedDemo.VALID_KEY);
        assertThat(Files.readString(bank)).doesNotContain(SeedDemo.EXPIRED_KEY).doesNotContain(SeedDemo.VALID_KEY);
    }

    @Test
    void demo_should_tell_each_phase_in_plain_words_and_say_where_the_default_bank_is() {
        Run run = rbank("demo");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(dir.resolve("default-bank.json").toString())
                .contains("Attempt 1:", "plan", "execute", "reflect", "memorize", "skipped the call")
                .contains("attempt 1: FAILED", "attempt 2: SUCCEEDED", "attempt 3: FAILED", "attempt 4: SKIPPED");
    }

    @Test
    void bank_list_should_print_an_array_of_lessons() throws Exception {
        String bank = dir.resolve("bank.json").toString();
        rbank("demo", "--bank", bank, "--json");
        Run list = rbank("bank", "list", "--bank", bank, "--json");
        assertThat(list.exit()).isZero();
        JsonNode lessons = list.json();
        assertThat(lessons.isArray()).isTrue();
        assertThat(lessons).hasSize(2);
        List<String> strategies = new ArrayList<>();
        lessons.forEach(l -> {
            strategies.add(l.get("strategy").asText());
            assertThat(l.get("id").asText()).startsWith("L-");
            assertThat(l.get("status").asText()).isIn("CANDIDATE", "TRUSTED");
            assertThat(l.get("stats").has("helped")).isTrue();
            assertThat(l.hasNonNull("title")).isTrue();
        });
        assertThat(strategies).containsExactlyInAnyOrder("ReplaceParam", "SkipTask");
    }

    @Test
    void bank_retire_should_stop_a_lesson_from_being_used() throws Exception {
        String bank = dir.resolve("bank.json").toString();
        JsonNode demo = rbank("demo", "--bank", bank, "--json").json();
        String replaceKey = demo.get("attempts").get(0).get("lessonLearned").asText();
        Run retire = rbank("bank", "retire", replaceKey, "--bank", bank);
        assertThat(retire.exit()).isZero();
        assertThat(rbank("bank", "show", replaceKey, "--bank", bank, "--json").json().get("status").asText()).isEqualTo("RETIRED");
        // without the lesson, the expired key fails again
        assertThat(outcomes(rbank("demo", "--bank", bank, "--json").json()).get(0)).isEqualTo("FAILED");
    }

    @Test
    void a_retired_lesson_is_relearned_once_and_bank_list_shows_the_history() throws Exception {
        String bank = dir.resolve("bank.json").toString();
        JsonNode demo = rbank("demo", "--bank", bank, "--json").json();
        String skip = demo.get("attempts").get(2).get("lessonLearned").asText();
        assertThat(rbank("bank", "retire", skip, "--bank", bank).exit()).isZero();

        JsonNode again = rbank("demo", "--bank", bank, "--json").json();

        // the retired lesson does not block relearning: attempt 3 fails once, attempt 4 skips with the new lesson
        assertThat(outcomes(again)).containsExactly("SUCCEEDED", "SUCCEEDED", "FAILED", "SKIPPED");
        String relearned = again.get("attempts").get(2).get("lessonLearned").asText();
        assertThat(relearned).isNotEqualTo(skip);
        assertThat(again.get("attempts").get(3).get("lessonApplied").asText()).isEqualTo(relearned);
        Run list = rbank("bank", "list", "--bank", bank);
        assertThat(list.out()).containsPattern(java.util.regex.Pattern.quote(skip) + " +RETIRED .*-> " + java.util.regex.Pattern.quote(relearned))
                .containsPattern(java.util.regex.Pattern.quote(relearned) + " +CANDIDATE");
        assertThat(rbank("bank", "show", skip, "--bank", bank, "--json").json().get("supersededBy").asText()).isEqualTo(relearned);
    }

    @Test
    void bank_trust_marks_a_checked_lesson_trusted_and_list_says_where_each_came_from() throws Exception {
        String bank = dir.resolve("bank.json").toString();
        JsonNode demo = rbank("demo", "--bank", bank, "--json").json();
        String skip = demo.get("attempts").get(2).get("lessonLearned").asText();

        Run trust = rbank("bank", "trust", skip, "--bank", bank);

        assertThat(trust.exit()).isZero();
        assertThat(rbank("bank", "show", skip, "--bank", bank, "--json").json().get("status").asText()).isEqualTo("TRUSTED");
        assertThat(rbank("bank", "list", "--bank", bank).out()).contains("(rules)");
        assertThat(rbank("bank", "trust", "L-nope", "--bank", bank).exit()).isNotZero();
    }

    @Test
    void bank_export_then_import_should_carry_the_lessons_to_another_bank() throws Exception {
        String bank = dir.resolve("bank.json").toString();
        String other = dir.resolve("other.json").toString();
        Path export = dir.resolve("lessons.json");
        rbank("demo", "--bank", bank, "--json");
        assertThat(rbank("bank", "export", export.toString(), "--bank", bank).exit()).isZero();
        Run imported = rbank("bank", "import", export.toString(), "--bank", other, "--json");
        assertThat(imported.exit()).isZero();
        assertThat(imported.json().get("added").asInt()).isEqualTo(2);
        assertThat(outcomes(rbank("demo", "--bank", other, "--json").json())).doesNotContain("FAILED");
        Run again = rbank("bank", "import", export.toString(), "--bank", other, "--json");
        assertThat(again.json().get("merged").asInt()).isEqualTo(2);
        assertThat(rbank("bank", "list", "--bank", other, "--json").json()).hasSize(2);
    }

    @Test
    void bank_import_is_all_or_nothing_and_imported_lessons_start_as_candidates() throws Exception {
        String bank = dir.resolve("bank.json").toString();
        Path export = dir.resolve("lessons.json");
        rbank("demo", "--bank", bank, "--json");
        rbank("demo", "--bank", bank, "--json");
        assertThat(rbank("bank", "export", export.toString(), "--bank", bank).exit()).isZero();
        assertThat(Files.readString(export)).contains("TRUSTED");

        // one lesson in the file is unsafe (a control character in its title): nothing at all is imported
        String poisoned = Files.readString(export).replaceFirst(java.util.regex.Pattern.quote("\"title\" : \""),
                java.util.regex.Matcher.quoteReplacement("\"title\" : \"\\u001b[2J"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, poisoned);
        Run refused = rbank("bank", "import", bad.toString(), "--bank", dir.resolve("fresh.json").toString());
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("nothing was imported");
        assertThat(Files.exists(dir.resolve("fresh.json"))).isFalse();

        // a clean file is imported whole, as candidates unless --trust
        Run imported = rbank("bank", "import", export.toString(), "--bank", dir.resolve("fresh.json").toString(), "--json");
        assertThat(imported.json().get("added").asInt()).isEqualTo(2);
        assertThat(rbank("bank", "list", "--bank", dir.resolve("fresh.json").toString(), "--json").json())
                .allSatisfy(l -> assertThat(l.get("status").asText()).isEqualTo("CANDIDATE"));
        rbank("bank", "import", export.toString(), "--bank", dir.resolve("trusted.json").toString(), "--trust");
        assertThat(rbank("bank", "list", "--bank", dir.resolve("trusted.json").toString(), "--json").json())
                .anySatisfy(l -> assertThat(l.get("status").asText()).isEqualTo("TRUSTED"));
    }

    @Test
    void unknown_commands_and_bad_flags_should_print_usage_and_exit_non_zero() {
        Run unknown = rbank("fly");
        Run badFlag = rbank("demo", "--frobnicate");
        Run noCommand = rbank();
        Run badReflector = rbank("demo", "--reflector", "oracle");
        assertThat(List.of(unknown.exit(), badFlag.exit(), noCommand.exit(), badReflector.exit())).containsOnly(2);
        assertThat(unknown.err()).contains("Usage: rbank");
        assertThat(badFlag.err()).contains("Unknown option: '--frobnicate'").contains("Usage: rbank demo");
        assertThat(badReflector.err()).contains("rules, llm");
    }

    @Test
    void a_corrupt_bank_should_be_reported_and_left_untouched() throws Exception {
        Path bank = dir.resolve("bank.json");
        Files.writeString(bank, "{ this is not json");
        Run run = rbank("demo", "--bank", bank.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Bank file " + bank).contains("left untouched");
        assertThat(Files.readString(bank)).isEqualTo("{ this is not json");
    }

    @Test
    void show_should_name_an_unknown_lesson() {
        Run run = rbank("bank", "show", "L-nope", "--bank", dir.resolve("bank.json").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no lesson 'L-nope'");
    }
}
