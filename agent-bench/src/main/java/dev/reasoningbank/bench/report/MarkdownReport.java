package dev.reasoningbank.bench.report;

import dev.reasoningbank.bench.policy.BankStorage;
import dev.reasoningbank.bench.run.BenchResults;
import dev.reasoningbank.bench.run.ClassResult;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.run.PromptComparison;
import dev.reasoningbank.bench.scenario.FailureClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Writes {@code report.md}: a table of every metric per policy, what each metric means, and the classes. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static void write(BenchResults results, Path file) throws IOException {
        Files.writeString(file, render(results));
    }

    public static String render(BenchResults results) {
        StringBuilder md = new StringBuilder();
        md.append("# FlakyBench results\n\n")
                .append("Seed ").append(results.config().seed()).append(", ").append(results.config().tasks()).append(" tasks, ")
                .append(results.config().attempts()).append(" attempts per task for every policy")
                .append(results.config().preload() > 0 ? ", " + results.config().preload() + " synthetic lessons preloaded in the bank over "
                        + results.config().preloadTools() + " tools" : "")
                .append(", the bank policies' banks in ").append(BankStorage.kindOf(results.config().store()))
                .append(". Same seed, same numbers, apart from the timing rows (overhead).\n\n");
        List<PolicyResult> ps = results.policies();
        md.append("| metric |");
        ps.forEach(p -> md.append(' ').append(p.name()).append(" |"));
        md.append("\n|---|");
        ps.forEach(p -> md.append("---:|"));
        md.append('\n');
        row(md, ps, "success rate", p -> pct(p.successRate()));
        row(md, ps, "tool calls per task", p -> fmt(p.toolCallsPerTask(), 3));
        row(md, ps, "failed calls", p -> String.valueOf(p.failedCalls()));
        row(md, ps, "repeated mistakes", p -> String.valueOf(p.repeatedMistakes()));
        row(md, ps, "wasted calls to down hosts", p -> String.valueOf(p.wastedCallsToDownHosts()));
        row(md, ps, "wrong skips", p -> String.valueOf(p.wrongSkips()));
        row(md, ps, "wrong fixes", p -> String.valueOf(p.wrongFixes()));
        row(md, ps, "refused calls", p -> String.valueOf(p.refusedCalls()));
        row(md, ps, "fixes that did not work", p -> String.valueOf(p.failedFixes()));
        row(md, ps, "LLM calls", p -> String.valueOf(p.llmCalls()));
        row(md, ps, "LLM tokens", p -> String.valueOf(p.llmTokens()));
        row(md, ps, "valid lessons / model answers", MarkdownReport::validLessons);
        row(md, ps, "lessons in the bank", p -> String.valueOf(p.lessons()));
        row(md, ps, "most lessons in the bank at once", p -> String.valueOf(p.mostLessonsInBank()));
        row(md, ps, "lessons block tokens per call (most)", p -> fmt(p.lessonsBlockTokensPerCall(), 1) + " (" + p.mostLessonsBlockTokens() + ")");
        row(md, ps, "retired lessons", p -> String.valueOf(p.retiredLessons()));
        row(md, ps, "lessons learned", p -> String.valueOf(p.lessonsLearned()));
        row(md, ps, "permanent lessons from 5xx", p -> String.valueOf(p.permanentLessonsFromServerErrors()));
        row(md, ps, "succeeded / skipped tasks", p -> p.succeeded() + " / " + p.skipped());
        row(md, ps, "overhead per call p50 (µs, timing)", p -> fmt(p.overheadMicrosP50(), 1));
        row(md, ps, "overhead per call p99 (µs, timing)", p -> fmt(p.overheadMicrosP99(), 1));
        results.promptComparison().ifPresent(c -> promptComparison(md, c, results));
        md.append("\n## Policies\n\n");
        ps.forEach(p -> md.append("- `").append(p.name()).append("`: ").append(p.description()).append('\n'));
        md.append("\n## What the metrics mean\n\n");
        MetricDefinitions.DEFINITIONS.forEach((name, text) -> md.append("- **").append(name).append("**: ").append(text).append(".\n"));
        md.append("\n## Per failure class: succeeded / tasks (failed calls, repeated mistakes)\n\n| class | grounded in |");
        ps.forEach(p -> md.append(' ').append(p.name()).append(" |"));
        md.append("\n|---|---|");
        ps.forEach(p -> md.append("---:|"));
        md.append('\n');
        for (FailureClass c : FailureClass.values()) {
            md.append("| ").append(c.id()).append(" | ").append(c.grounding().replace("|", "/")).append(" |");
            for (PolicyResult p : ps) {
                ClassResult r = p.byClass().get(c.id());
                md.append(' ').append(r == null ? "-" : r.succeeded() + "/" + r.tasks() + " (" + r.failedCalls() + ", " + r.repeatedMistakes() + ")").append(" |");
            }
            md.append('\n');
        }
        md.append("\n![learning curve](learning-curve.png)\n");
        return md.toString();
    }

    private static String validLessons(PolicyResult p) {
        return p.llm().used() ? p.llm().acceptedAnswers() + " / " + p.llm().answers() + " (" + pct(p.llm().validLessonRate()) + ")" : "-";
    }

    private static void promptComparison(StringBuilder md, PromptComparison c, BenchResults results) {
        List<PolicyResult> ab = List.of(results.policy(c.policyA()), results.policy(c.policyB()));
        md.append("\n## Prompt comparison (bank-llm)\n\n")
                .append("Prompts A: `").append(c.promptsA()).append("`; prompts B: `").append(c.promptsB())
                .append("`. Same stream, same seed, same fallback; only the reflection prompts differ.\n\n")
                .append("| metric | A (").append(c.policyA()).append(") | B (").append(c.policyB()).append(") |\n|---|---:|---:|\n");
        row(md, ab, "valid-lesson rate (accepted / model answers)", MarkdownReport::validLessons);
        row(md, ab, "re-asks", p -> String.valueOf(p.llm().reasks()));
        row(md, ab, "fallbacks to the rules", p -> String.valueOf(p.llm().fallbacks()));
        row(md, ab, "repeated mistakes", p -> String.valueOf(p.repeatedMistakes()));
        row(md, ab, "success rate", p -> pct(p.successRate()));
        row(md, ab, "LLM calls", p -> String.valueOf(p.llmCalls()));
        row(md, ab, "LLM tokens (in / out)", p -> p.llmTokens() + " (" + p.llm().inputTokens() + " / " + p.llm().outputTokens() + ")");
        row(md, ab, "lessons learned", p -> String.valueOf(p.lessonsLearned()));
        md.append("\n").append(c.caveat()).append("\n");
    }

    private static void row(StringBuilder md, List<PolicyResult> ps, String name, Function<PolicyResult, String> value) {
        md.append("| ").append(name).append(" |");
        ps.forEach(p -> md.append(' ').append(value.apply(p)).append(" |"));
        md.append('\n');
    }

    private static String pct(double rate) {
        return fmt(rate * 100, 1) + " %";
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
