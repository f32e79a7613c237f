package dev.reasoningbank.bench.scenario;

import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthetic lessons that fill a bank for overhead measurements and JMH: spread round-robin over the
 * four scenario tools and {@code tools - 4} other tools, each keyed on the fingerprint of a value no
 * task ever sends, so they are scanned and scored by retrieval but never change a call.
 */
public final class SyntheticLessons {

    private static final Map<String, String> PARAMETER = Map.of(
            ApiTools.WEATHER, "city", ApiTools.CALENDAR, "date", ApiTools.SEARCH, "q", ApiTools.PAYMENTS, "amount");
    private static final List<String> SCENARIO_TOOLS = List.of(ApiTools.WEATHER, ApiTools.CALENDAR, ApiTools.SEARCH, ApiTools.PAYMENTS);
    private static final List<String> WORDS = List.of(
            "forecast", "invoice", "quota", "region", "token", "schema", "cursor", "retry", "locale", "tenant",
            "archive", "batch", "webhook", "ledger", "cache", "index", "export", "import", "report", "session");
    private static final ErrorKind[] KINDS = {ErrorKind.VALIDATION, ErrorKind.GONE, ErrorKind.AUTH, ErrorKind.TIMEOUT};

    private SyntheticLessons() {}

    /** {@code count} lessons over {@code tools} tools (at least the four scenario tools). */
    public static List<Lesson> generate(int count, int tools, Instant createdAt) {
        int spread = Math.max(SCENARIO_TOOLS.size(), tools);
        List<Lesson> lessons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int t = i % spread;
            String tool = t < SCENARIO_TOOLS.size() ? SCENARIO_TOOLS.get(t) : "tool-" + t;
            lessons.add(lesson(i, tool, PARAMETER.getOrDefault(tool, "id"), createdAt));
        }
        return lessons;
    }

    /** The tool the {@code i}-th lesson of a bank spread over {@code tools} tools is about. */
    public static String toolOf(int i, int tools) {
        int t = i % Math.max(SCENARIO_TOOLS.size(), tools);
        return t < SCENARIO_TOOLS.size() ? SCENARIO_TOOLS.get(t) : "tool-" + t;
    }

    private static Lesson lesson(int i, String tool, String parameter, Instant createdAt) {
        String a = WORDS.get(i % WORDS.size());
        String b = WORDS.get((i / WORDS.size()) % WORDS.size());
        ErrorKind kind = KINDS[i % KINDS.length];
        Strategy strategy = i % 2 == 0 ? new Strategy.FixArgument(parameter, Strategy.Transform.TRIM, "") : new Strategy.Advice();
        return Lesson.builder()
                .title("Synthetic " + a + " " + b + " lesson " + i + " for " + tool)
                .description("Applies to " + tool + " calls whose " + parameter + " is one recorded " + b + " value.")
                .content("When " + tool + " reports a " + a + " problem for this " + parameter + ", check the " + b + " first.")
                .trigger(new Trigger(tool, kind, "synthetic " + a + " " + b + " " + i,
                        List.of(ArgumentCondition.sameValue(parameter, "synthetic-value-" + i))))
                .strategy(strategy)
                .provenance(new Provenance("synthetic", "", createdAt))
                .build();
    }
}
