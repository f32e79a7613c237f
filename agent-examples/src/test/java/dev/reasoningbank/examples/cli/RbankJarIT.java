package dev.reasoningbank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code target/rbank.jar} the way the README tells a newcomer to. */
class RbankJarIT {

    @TempDir
    Path home;

    private String run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private String run(Map<String, String> env, String... args) throws Exception {
        Path jar = Path.of("target", "rbank.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Duser.home=" + home, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("RB_BANK");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue(); // a safety net: a busy machine is slow, never wrong
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The JIT's TieredStopAtLevel and where it came from, as {@code ./rbank} (the launcher the README uses) starts the JVM. */
    private String tierOfLauncher(Map<String, String> env, String... args) throws Exception {
        Path launcher = Path.of("..", "rbank").toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("RBANK_JAVA_OPTS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        // the launcher runs the java on the PATH: this JVM's, first
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().putAll(env);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.contains(" TieredStopAtLevel ")).findFirst().orElseThrow().replaceAll("\\s+", " ").strip();
    }

    @Test
    void the_launcher_runs_a_bank_command_on_the_first_tier_of_the_jit_unless_told_otherwise() throws Exception {
        String bank = home.resolve("tier.json").toString();
        assertThat(tierOfLauncher(Map.of(), "bank", "list", "--bank", bank)).contains("= 1 ", "{command line}");
        assertThat(tierOfLauncher(Map.of(), "--help")).contains("= 4 ", "{default}");
        assertThat(tierOfLauncher(Map.of("RBANK_JAVA_OPTS", ""), "bank", "list", "--bank", bank)).contains("= 4 ", "{default}");
        assertThat(tierOfLauncher(Map.of("RBANK_JAVA_OPTS", "-XX:TieredStopAtLevel=3"), "bank", "list", "--bank", bank)).contains("= 3 ");
    }

    @Test
    void the_jar_should_run_the_demo_twice_on_the_default_bank_and_learn_once() throws Exception {
        String first = run("demo", "--json");
        String second = run("demo", "--json");
        assertThat(first).contains("\"outcome\":\"FAILED\"").contains("\"lessonsInBank\":2");
        assertThat(second).doesNotContain("\"outcome\":\"FAILED\"").contains("\"lessonsInBank\":2");
        assertThat(Files.exists(home.resolve(".reasoningbank").resolve("bank.json"))).isTrue();
    }

    @Test
    void an_unreachable_ollama_should_cost_one_warning_line_and_no_attempt() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String output = run(Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", "http://127.0.0.1:" + closed),
                "demo", "--reflector", "llm", "--json", "--bank", home.resolve("llm.json").toString());
        List<String> warnings = output.lines().filter(l -> l.startsWith("WARN")).toList();
        assertThat(warnings).singleElement().asString().contains("unreachable", "ollama serve", "ollama pull");
        assertThat(output.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("java.") || l.startsWith("Caused by"))).isEmpty();
        assertThat(output).contains("\"outcome\":\"SKIPPED\"").contains("\"lessonsInBank\":2");
    }

    @Test
    void the_jar_should_run_the_benchmark_with_every_default_policy() throws Exception {
        Path out = home.resolve("bench");
        String output = run("bench", "--tasks", "30", "--no-progress", "--out", out.toString());
        assertThat(output).contains("bank-llm", "oracle").doesNotContain("Exception");
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("report.md")).exists();
        assertThat(Files.size(out.resolve("learning-curve.png"))).isGreaterThan(1_000);
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"bank-llm\"", "\"tasks\" : 30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"real-errors", "framework-errors"})
    void the_jar_should_run_the_error_corpus_tracks_as_the_readme_shows(String track) throws Exception {
        Path out = home.resolve(track);
        String output = run("bench", "--track", track, "--out", out.toString());
        assertThat(output).contains("heldOut  bank", "wrong fixes 0").doesNotContain("Exception");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"track\" : \"" + track + "\"", "\"heldOut\"");
        assertThat(Files.readString(out.resolve("report.md"))).contains(track.equals("real-errors") ? "split by API" : "split by framework");
        assertThat(out.resolve("learning-curve-dev.png")).exists();
    }

    @Test
    void the_jar_should_run_the_transfer_track_as_the_readme_shows() throws Exception {
        Path out = home.resolve("transfer");
        String output = run("bench", "--track", "transfer", "--out", out.toString());
        assertThat(output).contains("bank       sibling first encounters avoided 22/24", "wrong transfers 2 (repeated 0)", "transfers helped 28, hurt 2",
                "none       sibling first encounters avoided  0/24");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"track\" : \"transfer\"");
    }

    @Test
    void the_jar_should_measure_memorize_against_its_floor_as_the_readme_shows() throws Exception {
        Path out = home.resolve("memorize");
        String output = run("bench", "--track", "memorize", "--out", out.toString());
        assertThat(output).contains("1,000 lessons: memorize p50", "100,000 lessons: memorize p50", "fsync'd append p50", "ratio p50 x");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"track\" : \"memorize\"", "\"ratioP99\"");
    }

    @Test
    void the_jar_should_measure_one_bank_file_shared_by_processes_as_the_readme_shows() throws Exception {
        Path out = home.resolve("file-sharing");
        String output = run("bench", "--track", "file-sharing", "--out", out.toString());
        assertThat(output).contains("1 process x 4 threads", "2 processes x 4 threads", "every acknowledged lesson kept: yes");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"track\" : \"file-sharing\"", "\"nothingLost\" : true");
    }
}
