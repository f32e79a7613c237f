package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.policy.LlmStats;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.List;
import java.util.Map;

/**
 * Every metric of one policy on one stream; the definitions are in {@code MetricDefinitions}. Only
 * {@code overheadMicrosP50}, {@code overheadMicrosP99} and {@code wallMillis} depend on timing. {@code llm} details
 * {@code llmCalls} and {@code llmTokens} (answers, accepted answers, re-asks, fallbacks) for a policy with a model.
 */
public record PolicyResult(
        String name,
        String description,
        int tasks,
        int succeeded,
        int skipped,
        double successRate,
        int toolCalls,
        double toolCallsPerTask,
        int failedCalls,
        int repeatedMistakes,
        int wastedCallsToDownHosts,
        int wrongSkips,
        int wrongFixes,
        int refusedCalls,
        int failedFixes,
        long llmCalls,
        long llmTokens,
        int lessons,
        int retiredLessons,
        int lessonsLearned,
        int preloadedLessons,
        int permanentLessonsFromServerErrors,
        double overheadMicrosP50,
        double overheadMicrosP99,
        int overheadSamples,
        long wallMillis,
        Map<String, ClassResult> byClass,
        Map<String, Integer> repeatsBySignature,
        List<Double> successCurve,
        List<Integer> failedCallsCurve,
        List<Integer> repeatedMistakesCurve,
        List<Integer> toolCallsPerTaskCurve,
        List<Integer> lessonsInBankCurve,
        double lessonsBlockTokensPerCall,
        int mostLessonsBlockTokens,
        List<Lesson> finalLessons,
        LlmStats llm) {

    /** The most lessons the policy's memory held after any task. */
    public int mostLessonsInBank() {
        return lessonsInBankCurve.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
