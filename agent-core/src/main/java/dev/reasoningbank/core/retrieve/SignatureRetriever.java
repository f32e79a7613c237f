package dev.reasoningbank.core.retrieve;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.redact.Fingerprint;
import dev.reasoningbank.core.store.BankSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deterministic retriever: a lesson qualifies when its trigger names the tool and the call meets
 * its argument conditions; qualifying lessons are ranked by how specific their trigger is, whether
 * the error kind matches, and the lexical similarity of their words to the query. A retrieval touches
 * only the lessons of one tool, hashes each argument once, and tokenizes each lesson once.
 */
public final class SignatureRetriever implements LessonRetriever {

    private static final double CONDITIONED = 0.6;
    private static final double TOOL_WIDE = 0.35;
    private static final double SAME_KIND = 0.1;
    private static final double LEXICAL = 0.3;
    private static final int MAX_CACHED = 1_000_000;

    private record Tokenized(Lesson lesson, Set<String> tokens) {}

    private final Map<String, Tokenized> tokens = new ConcurrentHashMap<>();

    @Override
    public List<ScoredLesson> retrieve(RetrievalQuery query, BankSnapshot snapshot, int k, double floor) {
        List<Lesson> candidates = snapshot.lessonsOf(query.tool());
        if (candidates.isEmpty() || k <= 0) {
            return List.of();
        }
        Map<String, String> fingerprints = Fingerprint.ofArguments(query.arguments());
        Set<String> queryTokens = Tokens.of(query.text());
        List<ScoredLesson> scored = new ArrayList<>();
        for (Lesson lesson : candidates) {
            if (!lesson.isActive() || !lesson.trigger().matchesFailedCall(query.tool(), query.arguments(), fingerprints)) {
                continue;
            }
            double score = lesson.trigger().conditions().isEmpty() ? TOOL_WIDE : CONDITIONED;
            if (query.errorKind() != null && query.errorKind() == lesson.trigger().errorKind()) {
                score += SAME_KIND;
            }
            score += LEXICAL * Tokens.similarity(queryTokens, tokensOf(lesson));
            if (score >= floor) {
                scored.add(new ScoredLesson(lesson, Math.min(1.0, score)));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredLesson::score).reversed().thenComparing(s -> s.lesson().id()));
        return scored.size() <= k ? scored : List.copyOf(scored.subList(0, k));
    }

    private Set<String> tokensOf(Lesson lesson) {
        Tokenized cached = tokens.get(lesson.id());
        if (cached != null && (cached.lesson() == lesson || sameText(cached.lesson(), lesson))) {
            return cached.tokens();
        }
        Set<String> fresh = Tokens.of(textOf(lesson));
        if (tokens.size() >= MAX_CACHED) {
            tokens.clear();
        }
        tokens.put(lesson.id(), new Tokenized(lesson, fresh));
        return fresh;
    }

    private static boolean sameText(Lesson a, Lesson b) {
        return a.title().equals(b.title()) && a.content().equals(b.content()) && a.description().equals(b.description())
                && a.trigger().signature().equals(b.trigger().signature()) && a.trigger().errorKind() == b.trigger().errorKind();
    }

    /** The words of a lesson that a query is compared with. */
    public static String textOf(Lesson lesson) {
        return lesson.title() + " " + lesson.description() + " " + lesson.content() + " " + lesson.trigger().signature()
                + " " + lesson.trigger().errorKind();
    }
}
