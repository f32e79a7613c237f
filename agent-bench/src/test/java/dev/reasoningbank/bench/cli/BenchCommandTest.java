package dev.reasoningbank.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
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
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));

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
        assertThat(Files.readString(out.resolve("report.md"))).contains("| repeated mistakes |", "## What the metrics mean");
        BufferedImage chart = ImageIO.read(out.resolve("learning-curve.png").toFile());
        assertThat(chart.getWidth()).isGreaterThan(100);
        assertThat(stderr.toString()).contains("80/80 tasks");
        assertThat(stdout.toString()).contains("bank", "wrote");
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
        assertThat(stderr.toString()).contains("Policy 'nope' does not exist; known policies: none, episodic, bank, oracle");
    }
}
