package dev.reasoningbank.core.retrieve;

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
}
