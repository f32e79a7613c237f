package dev.reasoningbank.bench.cli;

import dev.reasoningbank.bench.transfer.TransferTrack;
import dev.reasoningbank.bench.scale.MemorizeCost;
import dev.reasoningbank.bench.sharing.FileSharingBenchmark;
import dev.reasoningbank.bench.policy.BankStorage;
import dev.reasoningbank.bench.realerrors.Corpus;
import dev.reasoningbank.bench.realerrors.RealErrorsReport;
import dev.reasoningbank.bench.realerrors.RealErrorsResults;
import dev.reasoningbank.bench.realerrors.RealErrorsRunner;
import dev.reasoningbank.bench.realerrors.SplitResult;
import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.policy.bankllm.BankLlmPolicy;
import dev.reasoningbank.bench.report.LearningCurveChart;
import dev.reasoningbank.bench.report.MarkdownReport;
import dev.reasoningbank.bench.report.ProgressBar;
import dev.reasoningbank.bench.report.ResultsJson;
import dev.reasoningbank.bench.run.BenchResults;
import dev.reasoningbank.bench.run.BenchRunner;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.run.ProgressListener;
import dev.reasoningbank.bench.run.PromptComparison;
import dev.reasoningbank.llm.PromptTemplates;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: runs the seeded task stream once per policy and writes {@code results.json},
 * {@code report.md} and {@code learning-curve.png} to {@code --out}. A subcommand of {@code rbank};
 * {@link #main} runs it alone.
 *
 * <p>{@code --prompts A --vs-prompts B} runs {@code bank-llm} twice, as {@code bank-llm[A]} and
 * {@code bank-llm[B]}, and compares the two sets of reflection prompts side by side.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
                "Run FlakyBench: a seeded stream of failing tool calls over real sockets, once per memory policy.",
                "bank-llm uses the model RB_LLM selects (see rbank demo --reflector llm); without RB_LLM it replays scripted "
                        + "model answers over the Ollama wire format, offline and reproducible."})
public final class BenchCommand implements Callable<Integer> {

    /** The names prompt experiments give to the two bank-llm runs. */
    public static final String PROMPTS_A = BankLlmPolicy.NAME + "[A]";
    public static final String PROMPTS_B = BankLlmPolicy.NAME + "[B]";

    @Spec
    CommandSpec spec;

    /** The environment bank-llm reads ({@code RB_LLM}, model variables, {@code RB_PROMPTS_DIR}); tests replace it. */
    Map<String, String> env = System.getenv();

    /** The tracks: the seeded stream of FlakyBench's own APIs, and documented error responses of public APIs. */
    public static final List<String> TRACKS = List.of("stream", "real-errors", "framework-errors", "file-sharing", "transfer", "memorize");

    @Option(names = "--track", description = "Which track: stream (the seeded task stream over FlakyBench's four APIs, the default), "
            + "real-errors (error responses documented by public APIs, replayed over real HTTP, dev and held-out halves), framework-errors "
            + "(the same for error responses as web frameworks such as FastAPI, Django REST framework or Laravel render them by default) or file-sharing "
            + "(memorize throughput of one bank file shared by 1 and then 2 processes of 4 threads; --preload sets the bank's size, default 1000) "
            + "or transfer (API families whose tools share a host, a key and a date convention: failures avoided on sibling tools) "
            + "or memorize (a durable memorize into a bank file of 1,000 and 100,000 lessons, or --preload N, against an fsync'd append "
            + "on the same disk, side by side: p50, p99 and their ratio).")
    String track = "stream";

    @Option(names = "--tasks", description = "Tasks in the stream (reference: ${DEFAULT-VALUE}).")
    int tasks = BenchConfig.reference().tasks();

    @Option(names = "--seed", description = "Seed of the stream (reference: ${DEFAULT-VALUE}).")
    long seed = BenchConfig.reference().seed();

    @Option(names = "--policies", split = ",", description = "Policies to run, comma-separated (default: none,episodic,bank,bank-embedding,bank-llm,oracle). "
            + "bank-embedding: bank with the embedding retriever, for its overhead next to the lexical one; bank-llm: the LLM reflector.")
    List<String> policies = BenchConfig.reference().policies();

    @Option(names = "--out", required = true, description = "Directory for results.json, report.md and learning-curve.png.")
    Path out;

    @Option(names = "--prompts", paramLabel = "DIR", description = "Reflection prompt templates for bank-llm (a template missing from DIR falls back to the built-in one); "
            + "default: RB_PROMPTS_DIR, else the built-in prompts.")
    Path prompts;

    @Option(names = "--vs-prompts", paramLabel = "DIR", description = "Compare bank-llm with the --prompts templates (A) against these (B) on the same stream: "
            + "runs bank-llm[A] and bank-llm[B] and reports valid-lesson rate, repeated mistakes and tokens side by side. Needs bank-llm in --policies.")
    Path vsPrompts;

    @Option(names = "--preload", description = "Synthetic lessons put in the bank policies' banks first, to measure overhead at scale (default: ${DEFAULT-VALUE}).")
    int preload = BenchConfig.reference().preload();

    @Option(names = "--store", description = "Where the bank policies keep their banks: memory, file (a bank file and its journal, so that "
            + "memorize pays for its durable append) or a PostgreSQL URL jdbc:postgresql://host/db (user and password from PGUSER and "
            + "PGPASSWORD; banks named flakybench-<policy>-<n>, emptied at the end) (default: ${DEFAULT-VALUE}).")
    String store = BankStorage.MEMORY;

    @Option(names = "--preload-tools", description = "Tools the preloaded lessons are spread over, the 4 scenario tools included; 4 is the worst case (default: ${DEFAULT-VALUE}).")
    int preloadTools = BenchConfig.reference().preloadTools();

    @Option(names = "--stats-flush-interval", description = "How long banks keep usage counters in memory, scenario time, ISO-8601 (default: ${DEFAULT-VALUE}, core's default).")
    java.time.Duration statsFlushInterval = BenchConfig.reference().statsFlushInterval();

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (!TRACKS.contains(track)) {
            throw new ParameterException(spec.commandLine(), "Track '" + track + "' does not exist; tracks: " + String.join(", ", TRACKS));
        }
        Registry registry = Registry.standard(env);
        if (Corpus.TRACKS.contains(track)) {
            return realErrors(registry, Corpus.load(track));
        }
        if (track.equals("file-sharing")) {
            return fileSharing();
        }
        if (track.equals("transfer")) {
            return transfer(registry);
        }
        if (track.equals("memorize")) {
            return memorize();
        }
        List<String> lineUp = new ArrayList<>(policies);
        Optional<PromptComparison> comparison = Optional.empty();
        if (prompts != null) {
            PromptTemplates.load(prompts); // a wrong directory or template fails now, naming the file, not mid-run
        }
        if (vsPrompts != null) {
            PromptTemplates.load(vsPrompts);
            int at = lineUp.indexOf(BankLlmPolicy.NAME);
            if (at < 0) {
                throw new ParameterException(spec.commandLine(), "--vs-prompts compares the reflection prompts of " + BankLlmPolicy.NAME
                        + ": add " + BankLlmPolicy.NAME + " to --policies (e.g. --policies " + BankLlmPolicy.NAME + ")");
            }
            registry.register(BankLlmPolicy.factory(PROMPTS_A, Optional.ofNullable(prompts), env));
            registry.register(BankLlmPolicy.factory(PROMPTS_B, Optional.of(vsPrompts), env));
            lineUp.set(at, PROMPTS_A);
            lineUp.add(at + 1, PROMPTS_B);
            String a = prompts != null ? prompts.toString()
                    : Optional.ofNullable(env.get(PromptTemplates.ENV_PROMPTS_DIR)).filter(s -> !s.isBlank()).orElse("built-in");
            comparison = Optional.of(new PromptComparison(PROMPTS_A, a, PROMPTS_B, vsPrompts.toString(), BankLlmPolicy.scripted(env)));
        } else if (prompts != null) {
            registry.replace(BankLlmPolicy.factory(BankLlmPolicy.NAME, Optional.of(prompts), env));
        }
        BenchConfig config = BenchConfig.reference().withTasks(tasks).withSeed(seed).withPolicies(lineUp).withPreload(preload, preloadTools)
                .withStatsFlushInterval(statsFlushInterval).withStore(store);
        config.policies().forEach(registry::factory);
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = noProgress ? ProgressListener.SILENT : new ProgressBar(err);
        BenchResults results = new BenchRunner(config, registry, progress).run();
        if (comparison.isPresent()) {
            results = results.withPromptComparison(comparison.get());
        }
        Files.createDirectories(out);
        ResultsJson.write(results, out.resolve("results.json"));
        MarkdownReport.write(results, out.resolve("report.md"));
        LearningCurveChart.write(results, out.resolve("learning-curve.png"));
        PrintWriter o = spec.commandLine().getOut();
        for (PolicyResult p : results.policies()) {
            o.println(String.format(Locale.ROOT, "%-14s success %5.1f %%  calls/task %.3f  failed %3d  repeated %3d  wasted %2d  wrong skips %d  wrong fixes %d  lessons %d  lessons block %.0f tokens/call  overhead p50 %.1f µs p99 %.1f µs%s",
                    p.name(), p.successRate() * 100, p.toolCallsPerTask(), p.failedCalls(), p.repeatedMistakes(), p.wastedCallsToDownHosts(),
                    p.wrongSkips(), p.wrongFixes(), p.lessons(), p.lessonsBlockTokensPerCall(), p.overheadMicrosP50(), p.overheadMicrosP99(),
                    p.llm().used() ? String.format(Locale.ROOT, "  LLM %d calls, %d tokens, valid lessons %d/%d",
                            p.llmCalls(), p.llmTokens(), p.llm().acceptedAnswers(), p.llm().answers()) : ""));
        }
        o.println("wrote " + out.resolve("results.json") + ", report.md and learning-curve.png");
        return CommandLine.ExitCode.OK;
    }

    private int realErrors(Registry registry, Corpus corpus) throws java.io.IOException {
        if (vsPrompts != null) {
            throw new ParameterException(spec.commandLine(), "--vs-prompts compares prompts on the stream track; leave out --track " + track);
        }
        if (prompts != null) {
            PromptTemplates.load(prompts);
            registry.replace(BankLlmPolicy.factory(BankLlmPolicy.NAME, Optional.of(prompts), env));
        }
        BenchConfig config = BenchConfig.reference().withSeed(seed).withPolicies(policies).withStatsFlushInterval(statsFlushInterval);
        config.policies().forEach(registry::factory);
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = noProgress ? ProgressListener.SILENT : new ProgressBar(err);
        RealErrorsResults results = new RealErrorsRunner(config, registry, corpus, progress).run();
        List<Path> written = RealErrorsReport.write(results, out);
        PrintWriter o = spec.commandLine().getOut();
        for (String split : results.splits().keySet().stream().sorted().toList()) {
            for (SplitResult r : results.splits().get(split)) {
                o.println(String.format(Locale.ROOT, "%-8s %-14s success %5.1f %%  repeated %3d  wrong fixes %d  learned %d/%d expressible (%d classes%s)",
                        split, r.policy(), r.successRate() * 100, r.repeatedMistakes(), r.wrongFixes(), r.classesLearned(), r.classesExpressible(), r.classes(),
                        r.classesNeverFailed() == 0 ? "" : ", " + r.classesNeverFailed() + " never failed"));
            }
        }
        o.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return CommandLine.ExitCode.OK;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    /** API families of sibling tools: what a lesson learned on one tool spares the others. */
    private int transfer(Registry registry) throws Exception {
        List<String> lineUp = policies.equals(BenchConfig.reference().policies()) ? List.of("none", "episodic", "bank", "oracle") : policies;
        BenchConfig config = BenchConfig.reference().withPolicies(lineUp);
        config.policies().forEach(registry::factory);
        List<TransferTrack.Result> results = new TransferTrack(config, registry).run();
        java.nio.file.Files.createDirectories(out);
        java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("track", "transfer");
        java.util.Map<String, Object> byPolicy = new java.util.LinkedHashMap<>();
        results.forEach(r -> byPolicy.put(r.policy(), r));
        root.put("policies", byPolicy);
        JSON.writeValue(out.resolve("results.json").toFile(), root);
        StringBuilder md = new StringBuilder("# Transfer\n\nFour API families of three tools sharing a host, a key and a date convention (but for one sibling with a key "
                + "of its own and one with dates of its own); the first tool of a family meets each failure before its siblings. Two passes.\n\n| policy | sibling first encounters avoided | wrong transfers "
                + "(repeated after one failure) | repeated mistakes | failed calls | tasks done | lessons | transfers helped / hurt (lesson stats) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        PrintWriter o = spec.commandLine().getOut();
        for (TransferTrack.Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d / %d | %d (%d) | %d | %d | %d / %d | %d | %d / %d |%n", r.policy(), r.avoided(),
                    r.siblingFirstEncounters(), r.wrongTransfers(), r.wrongTransfersRepeated(), r.repeatedMistakes(), r.failedCalls(), r.succeeded(), r.tasks(),
                    r.lessons(), r.transfersHelped(), r.transfersHurt()));
            o.println(String.format(Locale.ROOT, "%-10s sibling first encounters avoided %2d/%d  wrong transfers %d (repeated %d)  repeated %3d  failed calls %3d  "
                    + "lessons %2d  transfers helped %d, hurt %d", r.policy(), r.avoided(), r.siblingFirstEncounters(), r.wrongTransfers(), r.wrongTransfersRepeated(),
                    r.repeatedMistakes(), r.failedCalls(), r.lessons(), r.transfersHelped(), r.transfersHurt()));
        }
        java.nio.file.Files.writeString(out.resolve("report.md"), md.toString());
        o.println("wrote " + out.resolve("results.json") + ", " + out.resolve("report.md"));
        return CommandLine.ExitCode.OK;
    }

    /** One bank file, one process of 4 threads against two: memorize throughput and nothing lost. */
    private int fileSharing() throws Exception {
        int lessons = preload > 0 ? preload : 1_000;
        java.nio.file.Files.createDirectories(out);
        FileSharingBenchmark.Result r = FileSharingBenchmark.run(out, lessons, 4, 3_000, 3);
        java.util.Map<String, Object> results = new java.util.LinkedHashMap<>();
        results.put("track", "file-sharing");
        results.put("preloadedLessons", lessons);
        results.put("oneProcess", r.oneProcess());
        results.put("twoProcesses", r.twoProcesses());
        results.put("oneProcessLessonsPerSecond", Math.round(r.oneProcess().median()));
        results.put("twoProcessesLessonsPerSecond", Math.round(r.twoProcesses().median()));
        results.put("ratio", Math.round(r.ratio() * 100) / 100.0);
        results.put("oneProcessCoresBusy", Math.round(r.oneProcess().medianCoresBusy() * 100) / 100.0);
        results.put("twoProcessesCoresBusy", Math.round(r.twoProcesses().medianCoresBusy() * 100) / 100.0);
        results.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        results.put("nothingLost", r.nothingLost());
        JSON.writeValue(out.resolve("results.json").toFile(), results);
        String line = String.format(Locale.ROOT, "one bank file, %d lessons: 1 process x 4 threads %.0f memorize/s, 2 processes x 4 threads %.0f/s "
                + "(x%.2f, median of 3 rounds); processor time used: %.2f and %.2f of the machine's %d cores; every acknowledged lesson kept: %s",
                lessons, r.oneProcess().median(), r.twoProcesses().median(), r.ratio(), r.oneProcess().medianCoresBusy(),
                r.twoProcesses().medianCoresBusy(), Runtime.getRuntime().availableProcessors(), r.nothingLost() ? "yes" : "NO");
        java.nio.file.Files.writeString(out.resolve("report.md"), "# File sharing\n\n" + line + ".\n");
        PrintWriter o = spec.commandLine().getOut();
        o.println(line);
        o.println("wrote " + out.resolve("results.json") + ", " + out.resolve("report.md"));
        return r.nothingLost() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** Durable memorize into a bank file against an fsync'd append on the same disk, side by side. */
    private int memorize() throws Exception {
        List<Integer> sizes = preload > 0 ? List.of(preload) : List.of(1_000, 100_000);
        java.nio.file.Files.createDirectories(out);
        PrintWriter o = spec.commandLine().getOut();
        StringBuilder md = new StringBuilder("# Memorize against its floor\n\nA memorize into a bank file (one fsync'd journal line) and an fsync'd "
                + "append of a line of the same size to a file in the same folder, alternating, 2,000 of each after a warm-up. Microseconds.\n\n"
                + "| lessons | memorize p50 | p99 | fsync'd append p50 | p99 | ratio p50 | ratio p99 |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        List<MemorizeCost.Result> results = new ArrayList<>();
        for (int size : sizes) {
            MemorizeCost.Result r = MemorizeCost.run(out, size, 2_000);
            results.add(r);
            md.append(String.format(Locale.ROOT, "| %,d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f |%n", r.lessons(), r.memorizeP50(), r.memorizeP99(),
                    r.appendP50(), r.appendP99(), r.p50Ratio(), r.p99Ratio()));
            o.println(String.format(Locale.ROOT, "%,9d lessons: memorize p50 %6.0f us p99 %6.0f us | fsync'd append p50 %6.0f us p99 %6.0f us | ratio p50 x%.2f, p99 x%.2f",
                    r.lessons(), r.memorizeP50(), r.memorizeP99(), r.appendP50(), r.appendP99(), r.p50Ratio(), r.p99Ratio()));
        }
        java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("track", "memorize");
        root.put("sizes", results.stream().map(r -> {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("lessons", r.lessons());
            m.put("samples", r.samples());
            m.put("memorizeMicrosP50", r.memorizeP50());
            m.put("memorizeMicrosP99", r.memorizeP99());
            m.put("fsyncAppendMicrosP50", r.appendP50());
            m.put("fsyncAppendMicrosP99", r.appendP99());
            m.put("ratioP50", Math.round(r.p50Ratio() * 100) / 100.0);
            m.put("ratioP99", Math.round(r.p99Ratio() * 100) / 100.0);
            m.put("journalLineBytes", r.lineBytes());
            return m;
        }).toList());
        JSON.writeValue(out.resolve("results.json").toFile(), root);
        java.nio.file.Files.writeString(out.resolve("report.md"), md.toString());
        o.println("wrote " + out.resolve("results.json") + ", " + out.resolve("report.md"));
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
