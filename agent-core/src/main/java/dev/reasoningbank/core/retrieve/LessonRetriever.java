package dev.reasoningbank.core.retrieve;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.BankSnapshot;
import java.util.List;

/**
 * Ranks the lessons of a snapshot for a query. Implementations: {@link SignatureRetriever}
 * (deterministic, in core) and an embedding retriever in {@code agent-llm}.
 */
public interface LessonRetriever {

    /**
     * The best {@code k} lessons scoring at least {@code floor}, best first. A lesson whose trigger
     * names another tool, or whose argument conditions the call does not meet, is never returned:
     * its strategy would not fit.
     */
    List<ScoredLesson> retrieve(RetrievalQuery query, BankSnapshot snapshot, int k, double floor);

    /**
     * How alike two lessons read, from 0 to 1, by their titles and contents. By default the overlap of
     * their words (the cosine of their word sets); the embedding retriever compares meanings.
     */
    default double similarity(Lesson a, Lesson b) {
        return Tokens.similarity(Tokens.of(a.title() + " " + a.content()), Tokens.of(b.title() + " " + b.content()));
    }

    /**
     * The {@link #similarity} at or above which two lessons with the same tool, error kind, conditions and
     * strategy say the same thing, and the bank merges them.
     */
    default double sameMeaning() {
        return 0.6;
    }
}
