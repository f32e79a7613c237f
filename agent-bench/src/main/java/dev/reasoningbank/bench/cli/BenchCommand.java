package dev.reasoningbank.bench.cli;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.report.LearningCurveChart;
import dev.reasoningbank.bench.report.MarkdownReport;
import dev.reasoningbank.bench.report.ProgressBar;
import dev.reasoningbank.bench.report.ResultsJson;
import dev.reasoningbank.bench.run.BenchResults;
import dev.reasoningbank.bench.run.BenchRunner;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.run.ProgressListener;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: runs the seeded task stream once per policy and writes {@code results.json},
 * {@code report.md} and {@code learning-curve.png} to {@code --out}. A subcommand of {@code rbank};
 * {@link #main} runs it alone.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run FlakyBench: a seeded stream of failing tool calls over real sockets, once per memory policy.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", description = "Tasks in the stream (reference: ${DEFAULT-VALUE}).")
    int tasks = BenchConfig.reference().tasks();

    @Option(names = "--seed", description = "Seed of the stream (reference: ${DEFAULT-VALUE}).")
    long seed = BenchConfig.reference().seed();

    @Option(names = "--policies", split = ",", description = "Policies to run, comma-separated (default: none,episodic,bank,oracle).")
    List<String> policies = BenchConfig.reference().policies();

    @Option(names = "--out", required = true, description = "Directory for results.json, report.md and learning-curve.png.")
    Path out;

    @Option(names = "--preload", description = "Synthetic lessons put in the bank policy's bank first, to measure overhead at scale (default: ${DEFAULT-VALUE}).")
    int preload = BenchConfig.reference().preload();

    @Option(names = "--preload-tools", description = "Tools the preloaded lessons are spread over, the 4 scenario tools included; 4 is the worst case (default: ${DEFAULT-VALUE}).")
    int preloadTools = BenchConfig.reference().preloadTools();

    @Option(names = "--stats-flush-interval", description = "How long banks keep usage counters in memory, scenario time, ISO-8601 (default: ${DEFAULT-VALUE}, core's default).")
    java.time.Duration statsFlushInterval = BenchConfig.reference().statsFlushInterval();

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        BenchConfig config = BenchConfig.reference().withTasks(tasks).withSeed(seed).withPolicies(policies).withPreload(preload, preloadTools)
                .withStatsFlushInterval(statsFlushInterval);
        Registry registry = Registry.standard();
        config.policies().forEach(registry::factory);
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = noProgress ? ProgressListener.SILENT : new ProgressBar(err);
        BenchResults results = new BenchRunner(config, registry, progress).run();
        Files.createDirectories(out);
        ResultsJson.write(results, out.resolve("results.json"));
        MarkdownReport.write(results, out.resolve("report.md"));
        LearningCurveChart.write(results, out.resolve("learning-curve.png"));
        PrintWriter o = spec.commandLine().getOut();
        for (PolicyResult p : results.policies()) {
            o.println(String.format(Locale.ROOT, "%-9s success %5.1f %%  calls/task %.3f  failed %3d  repeated %3d  wasted %2d  wrong skips %d  lessons %d  overhead p50 %.1f µs p99 %.1f µs",
                    p.name(), p.successRate() * 100, p.toolCallsPerTask(), p.failedCalls(), p.repeatedMistakes(), p.wastedCallsToDownHosts(),
                    p.wrongSkips(), p.lessons(), p.overheadMicrosP50(), p.overheadMicrosP99()));
        }
        o.println("wrote " + out.resolve("results.json") + ", report.md and learning-curve.png");
        return CommandLine.ExitCode.OK;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("bench: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }
}
