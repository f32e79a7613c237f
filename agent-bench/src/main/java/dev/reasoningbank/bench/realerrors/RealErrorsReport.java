package dev.reasoningbank.bench.realerrors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reasoningbank.bench.report.LearningCurveChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes the {@code real-errors} track's {@code results.json}, {@code report.md} and one learning curve per half. */
public final class RealErrorsReport {

    static final List<String> SPLITS = List.of(CorpusEntry.DEV, CorpusEntry.HELD_OUT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> DEFINITIONS = definitions();

    private RealErrorsReport() {}

    /** Writes the three kinds of file into {@code out}; returns the files written. */
    public static List<Path> write(RealErrorsResults results, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        Path json = out.resolve("results.json");
        JSON.writeValue(json.toFile(), json(results));
        written.add(json);
        Path md = out.resolve("report.md");
        Files.writeString(md, markdown(results), StandardCharsets.UTF_8);
        written.add(md);
        for (String split : SPLITS) {
            Path png = out.resolve("learning-curve-" + split + ".png");
            List<SplitResult> policies = results.splits().get(split);
            LearningCurveChart.write(results.corpus().track() + ", " + split + " half: " + results.corpus().split(split).size() + " error responses, "
                    + RealErrorsRunner.PASSES + " passes with a restart between them",
                    policies.stream().map(p -> new LearningCurveChart.Series(p.policy(),
                            LearningCurveChart.Series.legend(p.successRate(), p.repeatedMistakes()),
                            p.repeatedMistakesCurve(), p.toolCallsPerTaskCurve())).toList(),
                    policies.get(0).tasks(), png);
            written.add(png);
        }
        return written;
    }

    static ObjectNode json(RealErrorsResults results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("track", results.corpus().track());
        root.put("seed", results.config().seed());
        root.put("passes", RealErrorsRunner.PASSES);
        root.put("attemptsPerTask", results.config().attempts());
        ObjectNode corpus = root.putObject("corpus");
        corpus.put("responses", results.corpus().entries().size());
        corpus.put("apis", results.corpus().apis().size());
        for (String split : SPLITS) {
            ObjectNode half = corpus.putObject(split);
            List<CorpusEntry> entries = results.corpus().split(split);
            half.put("responses", entries.size());
            ArrayNode apis = half.putArray("apis");
            entries.stream().map(CorpusEntry::api).distinct().forEach(apis::add);
        }
        ObjectNode definitions = root.putObject("definitions");
        DEFINITIONS.forEach(definitions::put);
        ObjectNode splits = root.putObject("splits");
        for (String split : SPLITS) {
            ObjectNode half = splits.putObject(split);
            for (SplitResult r : results.splits().get(split)) {
                ObjectNode p = half.putObject(r.policy());
                p.put("repeatedMistakes", r.repeatedMistakes());
                p.put("wrongFixes", r.wrongFixes());
                p.put("classes", r.classes());
                p.put("classesExpressible", r.classesExpressible());
                p.put("classesLearned", r.classesLearned());
                p.put("classesNeverFailed", r.classesNeverFailed());
                p.put("repeatedMistakesUnfixable", r.repeatedMistakesUnfixable());
                p.put("tasks", r.tasks());
                p.put("successRate", round(r.successRate()));
                p.put("toolCallsPerTask", round(r.toolCallsPerTask()));
                p.put("failedCalls", r.failedCalls());
                p.put("lessons", r.lessons());
                ObjectNode byClass = p.putObject("byClass");
                classes(r).forEach((name, c) -> byClass.set(name, JSON.valueToTree(c)));
                p.set("entries", JSON.valueToTree(r.entries()));
                p.set("successCurve", JSON.valueToTree(r.successCurve()));
                p.set("failedCallsCurve", JSON.valueToTree(r.failedCallsCurve()));
                p.set("repeatedMistakesCurve", JSON.valueToTree(r.repeatedMistakesCurve()));
                p.set("toolCallsPerTaskCurve", JSON.valueToTree(r.toolCallsPerTaskCurve()));
            }
        }
        return root;
    }

    /** Per failure class: documented failures, how many are expressible and learned, failures before learning, repeats after, wrong fixes. */
    public record ClassResult(int responses, int expressible, int learned, int failuresBeforeLearned, int repeatedMistakes, int wrongFixes) {
        ClassResult plus(EntryResult e) {
            return new ClassResult(responses + 1, expressible + (e.expressible() ? 1 : 0), learned + (e.learned() ? 1 : 0),
                    failuresBeforeLearned + e.failuresBeforeLearned(), repeatedMistakes + e.repeatedMistakes(), wrongFixes + e.wrongFixes());
        }
    }

    static Map<String, ClassResult> classes(SplitResult r) {
        Map<String, ClassResult> out = new TreeMap<>();
        r.entries().forEach(e -> out.merge(e.failureClass(), new ClassResult(0, 0, 0, 0, 0, 0).plus(e), (a, b) -> new ClassResult(
                a.responses + b.responses, a.expressible + b.expressible, a.learned + b.learned, a.failuresBeforeLearned + b.failuresBeforeLearned,
                a.repeatedMistakes + b.repeatedMistakes, a.wrongFixes + b.wrongFixes)));
        return out;
    }

    static String markdown(RealErrorsResults results) {
        StringBuilder md = new StringBuilder();
        Corpus corpus = results.corpus();
        md.append("# FlakyBench, track `").append(corpus.track()).append("`\n\n");
        md.append(String.format(Locale.ROOT, corpus.ofFrameworks()
                ? "%d error responses as %d web frameworks and validation libraries render them by default (the message and the body's shape as "
                        + "the framework's docs or its own source and tests show them), each from an ordinary endpoint built with it"
                : "%d error responses documented by %d public APIs, each as its documentation shows it",
                corpus.entries().size(), corpus.apis().size()));
        md.append(String.format(Locale.ROOT, ", replayed over real HTTP (status, headers, body), with the call that triggers it and its correct fix "
                + "(sources in `agent-bench/src/main/resources/%s/`). "
                + "Tools are written the plain way: half put the status and raw body into an `IOException` (JDK `HttpClient`), half let Spring's "
                + "`RestClient` throw its own exception. Each half of the corpus runs %d passes, each entry once per pass in a seeded order, "
                + "with a restart of the policy over the same bank file between passes; %d attempts per task.\n\n",
                corpus.track(), RealErrorsRunner.PASSES, results.config().attempts()));
        String by = corpus.ofFrameworks() ? "framework" : "API";
        md.append("The corpus is split by ").append(by).append(". The rules were shaped on the **dev** half only; the **held-out** half was collected from ")
                .append(corpus.ofFrameworks() ? "the frameworks' docs and source" : "the APIs' documentation")
                .append(" by someone who did not read the rules, and was not read while writing them.\n\n");
        for (String split : SPLITS) {
            List<CorpusEntry> entries = corpus.split(split);
            md.append("- ").append(split).append(": ").append(entries.size()).append(" responses from ")
                    .append(String.join(", ", entries.stream().map(CorpusEntry::api).distinct().toList())).append('\n');
        }
        md.append("\n## The two halves side by side\n\n");
        md.append("| policy | dev: success | repeated | wrong fixes | learned / expressible | held-out: success | repeated | wrong fixes | learned / expressible |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (SplitResult dev : results.splits().get(CorpusEntry.DEV)) {
            SplitResult held = results.result(CorpusEntry.HELD_OUT, dev.policy());
            md.append("| ").append(dev.policy()).append(" | ").append(cells(dev)).append(" | ").append(cells(held)).append(" |\n");
        }
        md.append("\n`repeated` counts repeated mistakes on failures whose fix the vocabulary can express; the same call repeated after a failure "
                + "it cannot express is counted apart (`repeatedMistakesUnfixable` in results.json).\n");
        String focus = results.splits().get(CorpusEntry.DEV).stream().map(SplitResult::policy).filter("bank"::equals).findFirst()
                .orElse(results.splits().get(CorpusEntry.DEV).get(0).policy());
        md.append("\n## Per failure class, `").append(focus).append("`\n\n");
        md.append("| class | dev: responses | expressible | learned | failures before learned | repeats | wrong fixes | held-out: responses | expressible | learned | failures before learned | repeats | wrong fixes |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, ClassResult> dev = classes(results.result(CorpusEntry.DEV, focus));
        Map<String, ClassResult> held = classes(results.result(CorpusEntry.HELD_OUT, focus));
        Map<String, Boolean> names = new TreeMap<>();
        dev.keySet().forEach(k -> names.put(k, true));
        held.keySet().forEach(k -> names.put(k, true));
        for (String name : names.keySet()) {
            md.append("| ").append(name).append(" | ").append(classCells(dev.get(name))).append(" | ").append(classCells(held.get(name))).append(" |\n");
        }
        md.append("\n## Expressible but not learned by `").append(focus).append("`\n\n");
        md.append("| half | response | API | fix the corpus gives | what the bank holds |\n|---|---|---|---|---|\n");
        Map<String, CorpusEntry> byId = new LinkedHashMap<>();
        corpus.entries().forEach(e -> byId.put(e.id(), e));
        int notLearned = 0;
        for (String split : SPLITS) {
            for (EntryResult e : results.result(split, focus).entries()) {
                if (e.expressible() && !e.failsNoCall() && !e.learned()) {
                    notLearned++;
                    md.append("| ").append(split).append(" | `").append(e.id()).append("` | ").append(e.api()).append(" | ")
                            .append(fix(byId.get(e.id()))).append(" | ").append(e.lesson()).append(" |\n");
                }
            }
        }
        if (notLearned == 0) {
            md.append("| – | none | | | |\n");
        }
        md.append("\n## Documented errors that never failed a call\n\n");
        md.append("The API answers them with a status the plain tool does not treat as an error (200 with the error in a body the default "
                + "judge does not read as one, a redirect), so this replay cannot measure them; they count neither as expressible nor as learned.\n\n");
        md.append("| half | response | API | status |\n|---|---|---|---|\n");
        int neverFailed = 0;
        for (String split : SPLITS) {
            for (EntryResult e : results.result(split, focus).entries()) {
                if (e.failsNoCall()) {
                    neverFailed++;
                    md.append("| ").append(split).append(" | `").append(e.id()).append("` | ").append(e.api()).append(" | ")
                            .append(byId.get(e.id()).response().status()).append(" |\n");
                }
            }
        }
        if (neverFailed == 0) {
            md.append("| – | none | | |\n");
        }
        md.append("\n## Failures the strategy vocabulary cannot express, and why\n\n");
        md.append("| half | response | API | class | why no lesson can fix it |\n|---|---|---|---|---|\n");
        for (String split : SPLITS) {
            for (CorpusEntry e : corpus.split(split)) {
                if (!e.expressible()) {
                    md.append("| ").append(split).append(" | `").append(e.id()).append("` | ").append(e.api()).append(" | ").append(e.failureClass())
                            .append(" | ").append(e.fix().reason() == null ? "" : e.fix().reason().replace('|', '/')).append(" |\n");
                }
            }
        }
        md.append("\n## Definitions\n\n");
        DEFINITIONS.forEach((k, v) -> md.append("- `").append(k).append("`: ").append(v).append('\n'));
        return md.toString();
    }

    private static String cells(SplitResult r) {
        return String.format(Locale.ROOT, "%.1f %% | %d | %d | %d / %d", r.successRate() * 100, r.repeatedMistakes(), r.wrongFixes(),
                r.classesLearned(), r.classesExpressible());
    }

    private static String classCells(ClassResult c) {
        return c == null ? "– | – | – | – | – | –" : c.responses + " | " + c.expressible + " | " + c.learned + " | " + c.failuresBeforeLearned
                + " | " + c.repeatedMistakes + " | " + c.wrongFixes;
    }

    private static String fix(CorpusEntry e) {
        CorpusEntry.Fix f = e.fix();
        return switch (f.type()) {
            case "clamp" -> "clamp " + f.parameter() + " to " + f.max();
            case "case" -> f.parameter() + " = " + f.expected();
            case "date-format" -> f.parameter() + " as " + f.pattern();
            case "successor", "default" -> f.type() + " " + f.parameter() + " = " + f.value();
            case "credential" -> "fresh " + f.parameter();
            case "retry" -> "retry after " + (f.failures() == null ? 1 : f.failures()) + " failure(s)";
            default -> f.type();
        } + " (response: HTTP " + e.response().status() + ")";
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("classes", "documented error responses in the half: each is its own failure class (one API, one documented error)");
        d.put("classesExpressible", "those whose correct fix the strategy vocabulary can express (the corpus' fix is not `none`) and whose call failed");
        d.put("classesNeverFailed", "those whose documented error, replayed as documented, fails no call: the API answers it with a status the plain "
                + "tool does not treat as an error (200 with the error in a body the default judge does not read as one, a redirect); the half cannot "
                + "measure them, and they count neither as expressible nor as learned");
        d.put("classesLearned", "expressible classes for which every task after the first succeeded on its first attempt, with no repeated mistake and no wrong fix");
        d.put("repeatedMistakes", "failed calls on expressible classes whose failure signature (tool | kind | core's ErrorSignature of the server's message) "
                + "had already occurred in the run, across restarts; rate limits, 5xx and refused connections never count (no lesson prevents the first one)");
        d.put("repeatedMistakesUnfixable", "the same, on classes the vocabulary cannot express: the agent made the same failing call again");
        d.put("wrongFixes", "calls the replay server accepted although they meant something else than the task asked: another argument changed, or a date that reads as another day");
        d.put("failuresBeforeLearned", "failed calls in the first task of a class (its first pass)");
        d.put("successRate", "tasks that succeeded within their attempts / tasks; a class the vocabulary cannot express never succeeds, for any policy");
        return d;
    }
}
