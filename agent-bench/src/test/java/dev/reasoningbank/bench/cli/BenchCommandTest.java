package dev.reasoningbank.bench.cli;

import dev.reasoningbank.bench.BuiltInPrompts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    @TempDir
    Path out;

    @Test
    void should_write_results_report_and_learning_curve() throws Exception {
        // given
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = offline(stdout, stderr);

        // when
        int exit = cli.execute("--tasks", "40", "--seed", "3", "--policies", "none,bank", "--out", out.toString());

        // then
        assertThat(exit).as(stderr.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("seed").asLong()).isEqualTo(3);
        assertThat(results.get("tasks").asInt()).isEqualTo(40);
        assertThat(results.get("policies").fieldNames()).toIterable().containsExactly("none", "bank");
        assertThat(results.get("policies").get("bank").fieldNames()).toIterable().contains(
                "successRate", "toolCallsPerTask", "failedCalls", "repeatedMistakes", "wastedCallsToDownHosts", "wrongSkips",
                "llmCalls", "lessons", "overheadMicrosP99");
        assertThat(Files.readString(out.resolve("report.md"))).contains("| repeated mistakes |", "## What the metrics mean",
                "| lessons block tokens per call (most) |");
        // the bank's lessons block is reported per call: nothing without memory, within the frame and the 200-token budget with it
        assertThat(results.at("/policies/none/lessonsBlockTokensPerCall").asDouble()).isZero();
        assertThat(results.at("/policies/bank/lessonsBlockTokensPerCall").asDouble()).isPositive();
        assertThat(results.at("/policies/bank/mostLessonsBlockTokens").asInt()).isLessThanOrEqualTo(200 + 120);
        BufferedImage chart = ImageIO.read(out.resolve("learning-curve.png").toFile());
        assertThat(chart.getWidth()).isGreaterThan(100);
        assertThat(stderr.toString()).contains("80/80 tasks");
        assertThat(stdout.toString()).contains("bank", "wrote");
    }

    @Test
    void should_run_the_real_errors_track_and_write_both_halves() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int exit = offline(stdout, stderr).execute("--track", "real-errors", "--policies", "none,bank", "--no-progress", "--out", out.toString());

        assertThat(exit).as(stderr.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("track").asText()).isEqualTo("real-errors");
        assertThat(results.get("splits").fieldNames()).toIterable().containsExactly("dev", "heldOut");
        assertThat(results.at("/splits/heldOut").fieldNames()).toIterable().containsExactly("none", "bank");
        assertThat(out.resolve("learning-curve-heldOut.png")).isNotEmptyFile();
        assertThat(stdout.toString()).contains("heldOut  bank", "learned", "wrote");
    }

    @Test
    void should_measure_a_durable_memorize_beside_an_fsyncd_append_in_one_run() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int exit = offline(stdout, stderr).execute("--track", "memorize", "--preload", "500", "--out", out.toString());

        assertThat(exit).as(stderr.toString()).isZero();
        JsonNode size = new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/sizes/0");
        assertThat(size.get("lessons").asInt()).isEqualTo(500);
        assertThat(size.get("samples").asInt()).isEqualTo(2_000);
        // the floor writes what a memorize appends: a journal line of a few hundred bytes, not a document
        assertThat(size.get("journalLineBytes").asInt()).isBetween(200, 4_000);
        assertThat(size.get("memorizeMicrosP99").asDouble()).isGreaterThanOrEqualTo(size.get("memorizeMicrosP50").asDouble()).isPositive();
        assertThat(size.get("fsyncAppendMicrosP99").asDouble()).isGreaterThanOrEqualTo(size.get("fsyncAppendMicrosP50").asDouble()).isPositive();
        assertThat(size.get("ratioP50").asDouble()).isCloseTo(size.get("memorizeMicrosP50").asDouble() / size.get("fsyncAppendMicrosP50").asDouble(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(stdout.toString()).contains("500 lessons: memorize p50", "fsync'd append p50", "ratio p50 x");
        try (var left = java.nio.file.Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("its bank folders are removed").containsExactlyInAnyOrder("results.json", "report.md");
        }
    }

    @Test
    void should_name_the_tracks_for_an_unknown_one() {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int exit = offline(stdout, stderr).execute("--track", "fixtures", "--out", out.toString());

        assertThat(exit).isNotZero();
        assertThat(stderr.toString()).contains("Track 'fixtures' does not exist; tracks: stream, real-errors");
    }

    @Test
    void should_name_the_known_policies_for_an_unknown_one() {
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(stderr));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 1;
        });

        int exit = cli.execute("--policies", "nope", "--out", out.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString()).contains("Policy 'nope' does not exist; known policies: none, episodic, bank, bank-capped, bank-embedding, bank-llm, oracle");
    }

    @TempDir
    Path promptsA;

    @TempDir
    Path promptsB;

    /** The command, offline whatever the environment says. */
    private static CommandLine offline(StringWriter stdout, StringWriter stderr) {
        BenchCommand command = new BenchCommand();
        command.env = Map.of();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));
        return cli;
    }

    @Test
    void should_compare_two_prompt_sets_side_by_side() throws Exception {
        // given: A is the built-in reflect-failure prompt; B leaves out the closed list of strategies
        String builtIn = BuiltInPrompts.reflectFailure();
        Files.writeString(promptsA.resolve("reflect-failure.txt"), builtIn);
        Files.writeString(promptsB.resolve("reflect-failure.txt"), builtIn.replace("{{strategies}}", "(any strategy that fixes it)"));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        // when
        int exit = offline(stdout, stderr).execute("--tasks", "60", "--policies", "bank,bank-llm", "--prompts", promptsA.toString(),
                "--vs-prompts", promptsB.toString(), "--no-progress", "--out", out.toString());

        // then
        assertThat(exit).as(stderr.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("policies").fieldNames()).toIterable().containsExactly("bank", "bank-llm[A]", "bank-llm[B]");
        JsonNode comparison = results.get("promptComparison");
        JsonNode a = comparison.get("A");
        JsonNode b = comparison.get("B");
        assertThat(comparison.get("model").asText()).isEqualTo("scripted");
        assertThat(a.get("prompts").asText()).isEqualTo(promptsA.toString());
        assertThat(b.get("prompts").asText()).isEqualTo(promptsB.toString());
        assertThat(a.get("validLessonRate").asDouble()).isEqualTo(1.0);
        assertThat(b.get("validLessonRate").asDouble()).isLessThan(1.0);
        assertThat(b.get("reasks").asLong()).isPositive();
        assertThat(b.get("llmTokens").asLong()).isGreaterThan(a.get("llmTokens").asLong());
        assertThat(b.get("repeatedMistakes").asInt()).isEqualTo(a.get("repeatedMistakes").asInt()).isZero();
        assertThat(b.get("acceptedAnswers").asLong()).isEqualTo(a.get("acceptedAnswers").asLong());
        assertThat(results.get("policies").get("bank-llm[B]").get("llm").get("reasks").asLong()).isEqualTo(b.get("reasks").asLong());
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("## Prompt comparison (bank-llm)", "| valid-lesson rate (accepted / model answers) | ", "Offline, the model is scripted");
        assertThat(stdout.toString()).contains("bank-llm[B]", "valid lessons");
    }

    @Test
    void should_refuse_a_prompt_comparison_without_bank_llm() throws Exception {
        Files.writeString(promptsB.resolve("reflect-failure.txt"), BuiltInPrompts.reflectFailure());
        StringWriter stderr = new StringWriter();

        int exit = offline(new StringWriter(), stderr).execute("--policies", "bank", "--vs-prompts", promptsB.toString(), "--out", out.toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(stderr.toString()).contains("--vs-prompts compares the reflection prompts of bank-llm: add bank-llm to --policies");
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void should_name_the_template_of_an_invalid_prompts_directory_before_running() throws Exception {
        Files.writeString(promptsA.resolve("reflect-failure.txt"), "no placeholder at all");
        StringWriter stderr = new StringWriter();
        CommandLine cli = offline(new StringWriter(), stderr);
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 1;
        });

        int exit = cli.execute("--policies", "bank-llm", "--prompts", promptsA.toString(), "--out", out.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString()).contains("reflect-failure", "must use the placeholder {{failure}}");
        assertThat(out.resolve("results.json")).doesNotExist();
    }
}
