package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.policy.PolicyStats;
import dev.reasoningbank.core.agent.Outcome;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.lesson.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up one policy's run, task by task, into a {@link PolicyResult}. */
final class Tally {

    private final Ledger ledger = new Ledger();
    private final Map<String, ClassResult> byClass = new LinkedHashMap<>();
    private final List<Double> overheadMicros = new ArrayList<>();
    private final List<Double> successCurve = new ArrayList<>();
    private final List<Integer> failedCallsCurve = new ArrayList<>();
    private final List<Integer> repeatedMistakesCurve = new ArrayList<>();
    private final List<Integer> toolCallsPerTaskCurve = new ArrayList<>();
    private int callsThisTask;
    private long lessonsBlockTokens;
    private int lessonsBlocks;
    private int mostLessonsBlockTokens;
    private final List<Integer> lessonsInBankCurve = new ArrayList<>();
    private int tasks;
    private int succeeded;
    private int skipped;
    private int toolCalls;
    private int wrongSkips;
    private int refused;

    /**
     * Accounts for one attempt: its calls and the learning overhead per call, from the time the loop
     * itself reported (the tools' I/O, backoff waits and listeners excluded by the agent).
     */
    void attempt(String failureClass, dev.reasoningbank.core.tool.ToolCall given, List<CallRecord> calls, long learningNanos) {
        overheadMicros.add(learningNanos / 1_000.0 / Math.max(1, calls.size()));
        int failed = 0;
        int repeated = 0;
        for (CallRecord call : calls) {
            failed += call.failed() ? 1 : 0;
            boolean asGiven = call.tool().equals(given.tool()) && call.arguments().equals(given.arguments());
            repeated += ledger.record(call, asGiven) ? 1 : 0;
        }
        toolCalls += calls.size();
        callsThisTask += calls.size();
        add(failureClass, new ClassResult(0, 0, 0, calls.size(), failed, repeated));
    }

    /** Accounts for the lessons block a model would read before one attempt's call. */
    void lessonsBlock(int tokens) {
        lessonsBlockTokens += tokens;
        lessonsBlocks++;
        mostLessonsBlockTokens = Math.max(mostLessonsBlockTokens, tokens);
    }

    /** Accounts for a finished task, after which the policy's memory holds {@code lessonsInBank} lessons. */
    void task(String failureClass, Outcome outcome, boolean hostWasUp, int lessonsInBank) {
        lessonsInBankCurve.add(lessonsInBank);
        tasks++;
        boolean success = outcome == Outcome.SUCCEEDED;
        boolean skip = outcome == Outcome.SKIPPED;
        succeeded += success ? 1 : 0;
        skipped += skip ? 1 : 0;
        wrongSkips += skip && hostWasUp ? 1 : 0;
        refused += outcome == Outcome.REFUSED ? 1 : 0;
        successCurve.add((double) succeeded / tasks);
        failedCallsCurve.add(ledger.failedCalls);
        repeatedMistakesCurve.add(ledger.repeatedMistakes);
        toolCallsPerTaskCurve.add(callsThisTask);
        callsThisTask = 0;
        add(failureClass, new ClassResult(1, success ? 1 : 0, skip ? 1 : 0, 0, 0, 0));
    }

    private void add(String failureClass, ClassResult delta) {
        byClass.merge(failureClass, delta, ClassResult::plus);
    }

    PolicyResult result(PolicyFactory factory, PolicyStats stats, List<Lesson> lessons, long wallMillis, int wrongFixes) {
        double[] overhead = overheadMicros.stream().mapToDouble(Double::doubleValue).toArray();
        int retired = (int) lessons.stream().filter(l -> l.status() == LessonStatus.RETIRED).count();
        int permanentFrom5xx = (int) lessons.stream()
                .filter(l -> l.trigger().errorKind() == ErrorKind.SERVER_ERROR)
                .filter(l -> l.expiresAt() == null || l.strategy() instanceof Strategy.SkipTask)
                .filter(l -> !"gold".equals(l.provenance().reflector()))
                .count();
        return new PolicyResult(
                factory.name(), factory.description(), tasks, succeeded, skipped, round((double) succeeded / tasks, 4),
                toolCalls, round((double) toolCalls / tasks, 4), ledger.failedCalls, ledger.repeatedMistakes,
                ledger.wastedCallsToDownHosts, wrongSkips, wrongFixes, refused, ledger.failedFixes(), stats.llmCalls(), stats.llmTokens(), lessons.size(), retired,
                stats.lessonsLearned(), stats.preloadedLessons(), permanentFrom5xx,
                round(Percentiles.of(overhead, 50), 1), round(Percentiles.of(overhead, 99), 1), overhead.length, wallMillis,
                Map.copyOf(byClass), Map.copyOf(ledger.repeatsBySignature()), List.copyOf(successCurve), List.copyOf(failedCallsCurve),
                List.copyOf(repeatedMistakesCurve), List.copyOf(toolCallsPerTaskCurve), List.copyOf(lessonsInBankCurve),
                round((double) lessonsBlockTokens / Math.max(1, lessonsBlocks), 1), mostLessonsBlockTokens,
                List.copyOf(lessons), stats.llm());
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
