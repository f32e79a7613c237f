package dev.reasoningbank.core.retrieve;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.BankSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic retriever: a lesson qualifies when its trigger names the tool and the call meets
 * its argument conditions; qualifying lessons are ranked by how specific their trigger is, whether
 * the error kind matches, and the lexical similarity of their words to the query. Lessons are indexed
 * by tool once per snapshot revision, so a retrieval touches only the lessons of one tool.
 */
public final class SignatureRetriever implements LessonRetriever {

    private static final double CONDITIONED = 0.6;
    private static final double TOOL_WIDE = 0.35;
    private static final double SAME_KIND = 0.1;
    private static final double LEXICAL = 0.3;

    private record Indexed(Lesson lesson, Set<String> tokens) {}

    private record Index(BankSnapshot snapshot, Map<String, List<Indexed>> byTool) {}

    private volatile Index index = new Index(null, Map.of());

    @Override
    public List<ScoredLesson> retrieve(RetrievalQuery query, BankSnapshot snapshot, int k, double floor) {
        List<Indexed> candidates = indexFor(snapshot).byTool().getOrDefault(query.tool(), List.of());
        if (candidates.isEmpty() || k <= 0) {
            return List.of();
        }
        Set<String> queryTokens = Tokens.of(query.text());
        List<ScoredLesson> scored = new ArrayList<>();
        for (Indexed candidate : candidates) {
            Lesson lesson = candidate.lesson();
            if (!lesson.isActive() || !lesson.trigger().matchesCall(query.tool(), query.arguments())) {
                continue;
            }
            double score = lesson.trigger().conditions().isEmpty() ? TOOL_WIDE : CONDITIONED;
            if (query.errorKind() != null && query.errorKind() == lesson.trigger().errorKind()) {
                score += SAME_KIND;
            }
            score += LEXICAL * Tokens.similarity(queryTokens, candidate.tokens());
            if (score >= floor) {
                scored.add(new ScoredLesson(lesson, Math.min(1.0, score)));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredLesson::score).reversed().thenComparing(s -> s.lesson().id()));
        return scored.size() <= k ? scored : List.copyOf(scored.subList(0, k));
    }

    private Index indexFor(BankSnapshot snapshot) {
        Index current = index;
        if (current.snapshot() == snapshot) {
            return current;
        }
        Map<String, Indexed> previous = new HashMap<>();
        current.byTool().values().forEach(list -> list.forEach(i -> previous.put(i.lesson().id(), i)));
        Map<String, List<Indexed>> byTool = new HashMap<>();
        for (Lesson lesson : snapshot.lessons()) {
            Indexed old = previous.get(lesson.id());
            Set<String> tokens = old != null && sameText(old.lesson(), lesson) ? old.tokens() : Tokens.of(textOf(lesson));
            byTool.computeIfAbsent(lesson.trigger().tool(), t -> new ArrayList<>()).add(new Indexed(lesson, tokens));
        }
        Index fresh = new Index(snapshot, byTool);
        index = fresh;
        return fresh;
    }

    private static boolean sameText(Lesson a, Lesson b) {
        return a.title().equals(b.title()) && a.content().equals(b.content()) && a.description().equals(b.description());
    }

    /** The words of a lesson that a query is compared with. */
    public static String textOf(Lesson lesson) {
        return lesson.title() + " " + lesson.description() + " " + lesson.content() + " " + lesson.trigger().signature()
                + " " + lesson.trigger().errorKind();
    }
}
