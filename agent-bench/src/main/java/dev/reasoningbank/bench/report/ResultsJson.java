package dev.reasoningbank.bench.report;

import dev.reasoningbank.bench.policy.BankStorage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reasoningbank.bench.policy.LlmStats;
import dev.reasoningbank.bench.run.BenchResults;
import dev.reasoningbank.bench.run.ClassResult;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.run.PromptComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code results.json}: {@code {"seed":7,"tasks":200,"policies":{"<name>":{"successRate":...}}}},
 * plus the configuration, per-class figures, an {@code llm} object for policies with a model and, for
 * {@code --vs-prompts}, a {@code promptComparison} section. The fields named in {@code timingFields} vary between
 * runs; all others depend only on the seed.
 */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {}

    public static Map<String, Object> toMap(BenchResults results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", results.config().seed());
        root.put("tasks", results.config().tasks());
        root.put("attemptsPerTask", results.config().attempts());
        root.put("preloadedLessons", results.config().preload());
        root.put("bankStore", BankStorage.kindOf(results.config().store()));
        root.put("timingFields", MetricDefinitions.TIMING_FIELDS);
        Map<String, Object> policies = new LinkedHashMap<>();
        results.policies().forEach(p -> policies.put(p.name(), policy(p)));
        root.put("policies", policies);
        results.promptComparison().ifPresent(c -> root.put("promptComparison", comparison(c, results)));
        return root;
    }

    public static String toJson(BenchResults results) {
        try {
            return JSON.writeValueAsString(toMap(results));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write results as JSON", e);
        }
    }

    public static void write(BenchResults results, Path file) throws IOException {
        Files.writeString(file, toJson(results) + "\n");
    }

    private static Map<String, Object> policy(PolicyResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("successRate", p.successRate());
        m.put("toolCallsPerTask", p.toolCallsPerTask());
        m.put("failedCalls", p.failedCalls());
        m.put("repeatedMistakes", p.repeatedMistakes());
        m.put("wastedCallsToDownHosts", p.wastedCallsToDownHosts());
        m.put("wrongSkips", p.wrongSkips());
        m.put("wrongFixes", p.wrongFixes());
        m.put("refusedCalls", p.refusedCalls());
        m.put("failedFixes", p.failedFixes());
        m.put("llmCalls", p.llmCalls());
        m.put("llmTokens", p.llmTokens());
        m.put("lessons", p.lessons());
        m.put("mostLessonsInBank", p.mostLessonsInBank());
        m.put("lessonsBlockTokensPerCall", p.lessonsBlockTokensPerCall());
        m.put("mostLessonsBlockTokens", p.mostLessonsBlockTokens());
        m.put("retiredLessons", p.retiredLessons());
        m.put("lessonsLearned", p.lessonsLearned());
        m.put("preloadedLessons", p.preloadedLessons());
        m.put("permanentLessonsFromServerErrors", p.permanentLessonsFromServerErrors());
        m.put("succeededTasks", p.succeeded());
        m.put("skippedTasks", p.skipped());
        m.put("toolCalls", p.toolCalls());
        m.put("overheadMicrosP50", p.overheadMicrosP50());
        m.put("overheadMicrosP99", p.overheadMicrosP99());
        m.put("overheadSamples", p.overheadSamples());
        m.put("wallMillis", p.wallMillis());
        Map<String, Object> classes = new TreeMap<>();
        p.byClass().forEach((name, c) -> classes.put(name, classMap(c)));
        m.put("byClass", classes);
        m.put("repeatedMistakesBySignature", new TreeMap<>(p.repeatsBySignature()));
        if (p.llm().used()) {
            m.put("llm", llm(p.llm()));
        }
        return m;
    }

    private static Map<String, Object> llm(LlmStats llm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", llm.calls());
        m.put("failedCalls", llm.failedCalls());
        m.put("answers", llm.answers());
        m.put("acceptedAnswers", llm.acceptedAnswers());
        m.put("reasks", llm.reasks());
        m.put("fallbacks", llm.fallbacks());
        m.put("validLessonRate", round(llm.validLessonRate()));
        m.put("inputTokens", llm.inputTokens());
        m.put("outputTokens", llm.outputTokens());
        return m;
    }

    /** The two prompt sets side by side: {@code {"model":"scripted","A":{...},"B":{...}}}. */
    private static Map<String, Object> comparison(PromptComparison c, BenchResults results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.scripted() ? "scripted" : "real");
        m.put("A", side(c.policyA(), c.promptsA(), results.policy(c.policyA())));
        m.put("B", side(c.policyB(), c.promptsB(), results.policy(c.policyB())));
        m.put("caveat", c.caveat());
        return m;
    }

    private static Map<String, Object> side(String policy, String prompts, PolicyResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy);
        m.put("prompts", prompts);
        m.put("validLessonRate", round(p.llm().validLessonRate()));
        m.put("answers", p.llm().answers());
        m.put("acceptedAnswers", p.llm().acceptedAnswers());
        m.put("reasks", p.llm().reasks());
        m.put("fallbacks", p.llm().fallbacks());
        m.put("repeatedMistakes", p.repeatedMistakes());
        m.put("successRate", p.successRate());
        m.put("llmCalls", p.llmCalls());
        m.put("llmTokens", p.llmTokens());
        m.put("lessonsLearned", p.lessonsLearned());
        return m;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static Map<String, Object> classMap(ClassResult c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks", c.tasks());
        m.put("succeeded", c.succeeded());
        m.put("skipped", c.skipped());
        m.put("toolCalls", c.toolCalls());
        m.put("failedCalls", c.failedCalls());
        m.put("repeatedMistakes", c.repeatedMistakes());
        return m;
    }
}
