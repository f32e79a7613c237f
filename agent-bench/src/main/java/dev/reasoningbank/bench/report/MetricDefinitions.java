package dev.reasoningbank.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each metric means: the same definition for every policy, written into the report. */
public final class MetricDefinitions {

    /** The results.json fields that depend on timing; everything else is a function of the seed. */
    public static final java.util.List<String> TIMING_FIELDS = java.util.List.of("overheadMicrosP50", "overheadMicrosP99", "wallMillis");

    public static final Map<String, String> DEFINITIONS = definitions();

    private MetricDefinitions() {}

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("successRate", "tasks that succeeded / all tasks (skipped and failed tasks are not successes; tasks that cannot succeed count against every policy alike)");
        d.put("toolCallsPerTask", "real tool calls (HTTP requests attempted, refused and timed-out ones included; retries included; skips excluded) / tasks");
        d.put("failedCalls", "tool calls that threw: an HTTP status >= 400, a refused connection, an unresolvable host, a timeout");
        d.put("repeatedMistakes", "failed calls, made as the task gave them (no lesson changed them), whose failure signature already occurred earlier in the same run (earlier task or earlier attempt), "
                + "i.e. a memory could already hold a lesson for it. Failure signature = tool | ErrorKind | core's ErrorSignature of the redacted "
                + "message (numbers, quoted values, hosts and paths become placeholders) | host (for HOST_DOWN and UNKNOWN_HOST only). "
                + "Failures decided by the server's state at that moment (SERVER_ERROR, RATE_LIMITED, HOST_DOWN) are never counted: no lesson "
                + "prevents the first one, it can only answer it; the next two metrics cover them. Computed by the runner from the calls, identically for every policy");
        d.put("wastedCallsToDownHosts", "calls refused by a host that had already refused an earlier call of the run and has not answered since (probes of a host still down included)");
        d.put("wrongSkips", "tasks skipped although their host accepted connections at that moment (ground truth from the scenario)");
        d.put("wrongFixes", "calls an API accepted although they meant something other than the task asked (a date read as another day); "
                + "the server knows the intended value");
        d.put("failedFixes", "failed calls that a lesson had changed and that failed the way the task's call had failed before: "
                + "a lesson that did not work (it is then refined); not counted as repeated mistakes, since the agent tried something new");
        d.put("refusedCalls", "attempts not made because the bank marked that exact call as one the agent cannot fix by itself");
        d.put("llmCalls / llmTokens", "calls to a language model (re-asks included) and their tokens as the server reported them; 0 for policies "
                + "without a model. Offline, bank-llm's model is scripted and reports one token per four characters of the messages and of the answer");
        d.put("valid lessons / model answers", "the valid-lesson rate: answers of the model that passed the reflector's validation (schema, closed "
                + "vocabulary, the tool's parameters, configured sources, no secrets) / answers the model gave (failed calls excluded); an "
                + "invalid answer is re-asked with its problems, and after the last re-ask the rule-based reflector answers (a fallback)");
        d.put("lessons", "lessons in the policy's memory at the end of the run, retired and preloaded ones included (episodic forgets after each task: 0)");
        d.put("lessonsBlockTokensPerCall", "estimated tokens of the lessons block a model would read before each attempt (as LearningAiServices "
                + "builds it: 3 lessons within 200 tokens, the block's frame included; 0 without a bank); mostLessonsBlockTokens is the largest");
        d.put("mostLessonsInBank", "the most lessons the policy's memory held after any task (bank-capped never holds more than its cap)");
        d.put("retiredLessons", "lessons retired because they hurt more often than they helped");
        d.put("lessonsLearned", "new lessons memorized during the run (merges and recurrences of a known lesson not counted)");
        d.put("permanentLessonsFromServerErrors", "learned lessons about a 5xx that never expire or skip a host: must be 0 (a transient 503 is no reason to stop calling)");
        d.put("overheadMicrosP50 / P99", "learning overhead per tool call, in microseconds of wall time: for each attempt, the time the agent's loop reports for itself "
                + "(TaskResult.learningNanos: the attempt minus the tools' invoke, backoff waits and listeners) / max(1, calls in the attempt), "
                + "measured after unmeasured warm-up passes of the stream; covers plan (retrieval, strategies), reflect and memorize, a model's answer included (bank-llm), and the embedding of the query (bank-embedding). "
                + "Timing field: varies between runs");
        return d;
    }
}
