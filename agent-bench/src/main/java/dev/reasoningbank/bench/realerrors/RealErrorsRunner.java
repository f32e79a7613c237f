package dev.reasoningbank.bench.realerrors;

import dev.reasoningbank.bench.policy.BankStorage;
import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.run.CallRecord;
import dev.reasoningbank.bench.run.LeaveOneOut;
import dev.reasoningbank.bench.run.Ledger;
import dev.reasoningbank.bench.run.ProgressListener;
import dev.reasoningbank.bench.run.RecordingTool;
import dev.reasoningbank.core.agent.ManualClock;
import dev.reasoningbank.core.agent.Outcome;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.agent.TaskResult;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.tool.ToolCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code real-errors} track: each half of the corpus is replayed over real HTTP, in {@code passes}
 * passes (each entry once per pass, in a seeded order), with a restart of the policy between passes
 * over the same bank file. Every policy gets the same tools, deployment and attempt budget.
 */
public final class RealErrorsRunner {

    /** Passes over each half: the first learns, the others show what was remembered after a restart. */
    public static final int PASSES = 3;
    /** The most scenario time one pass spans: tasks follow each other at the configured interval, or closer in a large half. */
    static final Duration PASS_SPAN = Duration.ofHours(6);

    private final BenchConfig config;
    private final Registry registry;
    private final Corpus corpus;
    private final ProgressListener progress;

    public RealErrorsRunner(BenchConfig config, Registry registry, Corpus corpus, ProgressListener progress) {
        this.config = config;
        this.registry = registry;
        this.corpus = corpus;
        this.progress = progress;
    }

    public RealErrorsResults run() {
        Map<String, List<SplitResult>> splits = new LinkedHashMap<>();
        int total = 2 * config.policies().size();
        int done = 0;
        for (String split : List.of(CorpusEntry.DEV, CorpusEntry.HELD_OUT)) {
            List<CorpusEntry> entries = corpus.split(split);
            List<CorpusEntry> stream = stream(entries, config.seed());
            List<SplitResult> results = new ArrayList<>();
            Set<String> neverFail = neverFail(entries);
            for (String name : config.policies()) {
                results.add(run(registry.factory(name), entries, stream, neverFail));
                progress.onProgress(name + " " + split, ++done, total);
            }
            splits.put(split, results);
        }
        return new RealErrorsResults(config, corpus, splits);
    }

    /** Each entry once per pass, in a seeded order per pass. */
    static List<CorpusEntry> stream(List<CorpusEntry> entries, long seed) {
        List<CorpusEntry> stream = new ArrayList<>();
        Random random = new Random(seed);
        for (int pass = 0; pass < PASSES; pass++) {
            List<CorpusEntry> order = new ArrayList<>(entries);
            Collections.shuffle(order, random);
            stream.addAll(order);
        }
        return stream;
    }

    /**
     * The entries whose documented error, replayed as documented, fails no call: the API answers it with 200 in a body the plain
     * tool returns as a result and the default judge accepts. No policy can be measured on them.
     */
    static Set<String> neverFail(List<CorpusEntry> entries) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        try (ReplayServer server = ReplayServer.start(entries)) {
            List<ReplayTool> tools = tools(entries, server);
            for (int i = 0; i < entries.size(); i++) {
                CorpusEntry e = entries.get(i);
                server.prepare(e);
                try {
                    Object result = tools.get(i).invoke(new LinkedHashMap<>(e.arguments()));
                    if (OutcomeJudge.ruleBased().judge(ToolCall.of(e.id(), e.arguments()), result).success()) {
                        ids.add(e.id());
                    }
                } catch (Exception failed) {
                    // the documented error fails the call, as it should
                }
            }
        }
        return ids;
    }

    private static List<ReplayTool> tools(List<CorpusEntry> entries, ReplayServer server) {
        List<ReplayTool> tools = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CorpusEntry e = entries.get(i);
            tools.add(new ReplayTool(e, server.baseUrl(e), i % 2 == 0 ? ReplayTool.Style.JDK_HTTP_CLIENT : ReplayTool.Style.SPRING_REST_CLIENT));
        }
        return tools;
    }

    /** One policy over one half, restarted between passes over its bank file. */
    SplitResult run(PolicyFactory factory, List<CorpusEntry> entries, List<CorpusEntry> stream, Set<String> neverFail) {
        Path dir = tempDir();
        try (ReplayServer server = ReplayServer.start(entries)) {
            List<ReplayTool> tools = tools(entries, server);
            List<CallRecord> calls = new ArrayList<>();
            ManualClock clock = new ManualClock(config.start());
            PolicyContext context = new PolicyContext(RecordingTool.wrap(tools, "127.0.0.1", calls), RealErrorsDeployment.of(entries),
                    clock, clock.sleeper(), config.skipFor(), 0, 0, config.statsFlushInterval(), BankStorage.file(dir.resolve("bank.json")));
            Ledger ledger = new Ledger();
            Map<String, Counts> counts = new LinkedHashMap<>();
            entries.forEach(e -> counts.put(e.id(), new Counts()));
            List<Double> successCurve = new ArrayList<>();
            List<Integer> failedCurve = new ArrayList<>();
            List<Integer> repeatedCurve = new ArrayList<>();
            List<Integer> callsCurve = new ArrayList<>();
            int repeatedSoFar = 0;
            int succeeded = 0;
            List<Lesson> lessons = List.of();
            int perPass = entries.size();
            // a pass is a restart within the same day, whatever the corpus' size: a call the bank refuses as one it cannot fix is
            // refused for a day, and with a minute per task a pass of a large half outlasted it, so that the next pass tried it again
            Duration interval = Collections.min(List.of(config.taskInterval(), PASS_SPAN.dividedBy(Math.max(1, perPass))));
            for (int pass = 0; pass < PASSES; pass++) {
                try (MemoryPolicy policy = LeaveOneOut.guard(factory.name(), factory.create(context))) {
                    for (CorpusEntry entry : stream.subList(pass * perPass, (pass + 1) * perPass)) {
                        clock.advance(interval);
                        server.prepare(entry);
                        Counts c = counts.get(entry.id());
                        boolean first = c.tasks == 0;
                        Outcome outcome = Outcome.FAILED;
                        // a transient error the server imposes (the corpus' retry fix) is server state, not a mistake
                        int imposed = "retry".equals(entry.fix().type()) ? (entry.fix().failures() == null ? 1 : entry.fix().failures()) : 0;
                        int failedInTask = 0;
                        int callsBefore = calls.size();
                        for (int attempt = 1; attempt <= config.attempts() && outcome == Outcome.FAILED; attempt++) {
                            int mark = calls.size();
                            TaskResult result = policy.attempt(Task.of(entry.id() + "#" + (pass + 1), entry.failureClass() + " on " + entry.api(),
                                    entry.id(), entry.arguments()));
                            outcome = result.outcome();
                            for (CallRecord call : calls.subList(mark, calls.size())) {
                                boolean asGiven = call.arguments().equals(entry.arguments());
                                boolean again = ledger.record(call, asGiven);
                                failedInTask += call.failed() ? 1 : 0;
                                boolean repeated = again && failedInTask > imposed;
                                c.failedCalls += call.failed() ? 1 : 0;
                                c.failuresFirstTask += first && call.failed() ? 1 : 0;
                                c.repeated += repeated ? 1 : 0;
                                repeatedSoFar += repeated ? 1 : 0;
                            }
                            if (!first && attempt == 1 && outcome != Outcome.SUCCEEDED) {
                                c.laterFirstAttemptFailed = true;
                            }
                        }
                        policy.endTask();
                        c.tasks++;
                        c.succeeded += outcome == Outcome.SUCCEEDED ? 1 : 0;
                        succeeded += outcome == Outcome.SUCCEEDED ? 1 : 0;
                        successCurve.add((double) succeeded / (successCurve.size() + 1));
                        failedCurve.add(ledger.failedCalls());
                        repeatedCurve.add(repeatedSoFar);
                        callsCurve.add(calls.size() - callsBefore);
                    }
                    lessons = policy.lessons();
                }
            }
            return result(factory.name(), entries, counts, server, tools, calls.size(), ledger, lessons, new Curves(successCurve, failedCurve, repeatedCurve, callsCurve), succeeded,
                    neverFail);
        } finally {
            delete(dir);
        }
    }

    private static SplitResult result(String policy, List<CorpusEntry> entries, Map<String, Counts> counts, ReplayServer server,
            List<ReplayTool> tools, int toolCalls, Ledger ledger, List<Lesson> lessons, Curves curves,
            int succeeded, Set<String> neverFail) {
        List<EntryResult> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CorpusEntry e = entries.get(i);
            Counts c = counts.get(e.id());
            int wrong = server.wrongFixes(e);
            String lesson = lessons.stream().filter(l -> l.trigger().tool().equals(e.id()))
                    .sorted(Comparator.comparing(Lesson::id)).map(l -> l.strategy().type()).distinct()
                    .reduce((a, b) -> a + "+" + b).orElse("-");
            // an error that fails no call (answered with 200 in a body the tool returns as a result) teaches nothing: not learned
            boolean learned = e.expressible() && !neverFail.contains(e.id()) && !c.laterFirstAttemptFailed && c.repeated == 0 && wrong == 0
                    && c.tasks > 1;
            results.add(new EntryResult(e.id(), e.api(), e.failureClass(), e.fix().type(), tools.get(i).style().name(), c.tasks, c.succeeded,
                    c.failedCalls, c.failuresFirstTask, c.repeated, wrong, learned, neverFail.contains(e.id()), lesson));
        }
        int repeats = results.stream().filter(EntryResult::expressible).mapToInt(EntryResult::repeatedMistakes).sum();
        int unfixable = results.stream().filter(r -> !r.expressible()).mapToInt(EntryResult::repeatedMistakes).sum();
        return new SplitResult(policy, curves.success().size(), succeeded, toolCalls, ledger.failedCalls(), repeats, unfixable,
                results.stream().mapToInt(EntryResult::wrongFixes).sum(), entries.size(),
                (int) results.stream().filter(r -> r.expressible() && !neverFail.contains(r.id())).count(),
                (int) results.stream().filter(EntryResult::learned).count(), neverFail.size(),
                lessons.size(), List.copyOf(curves.success()), List.copyOf(curves.failed()),
                List.copyOf(curves.repeated()), List.copyOf(curves.calls()), List.copyOf(results));
    }

    /** A half's curves over its task stream. */
    private record Curves(List<Double> success, List<Integer> failed, List<Integer> repeated, List<Integer> calls) {}

    private static final class Counts {
        int tasks;
        int succeeded;
        int failedCalls;
        int failuresFirstTask;
        int repeated;
        boolean laterFirstAttemptFailed;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rb-real-errors");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the bench's bank files", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is no failure of the run
        }
    }
}
