package dev.reasoningbank.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.redact.Fingerprint;
import dev.reasoningbank.core.retrieve.LessonRetriever;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.retrieve.SignatureRetriever;
import dev.reasoningbank.core.store.BankSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks lessons by the meaning of their words with an in-process embedding model (by default the
 * quantized all-MiniLM-L6-v2, which ships inside its jar and runs offline), on top of the same
 * signature contract as core's {@link SignatureRetriever}: a lesson whose tool differs, or whose
 * argument conditions the call does not meet, is never returned.
 *
 * <p>Scores, from 0 to 1: a lesson with argument conditions the call meets is specific, so it scores
 * {@code 0.6 + 0.4 × similarity}; a tool-wide lesson (a backoff, advice) scores {@code 0.35 + 0.4 ×
 * similarity}, like the signature retriever's, so a task described in other words still finds it;
 * 0.1 more when the error kind matches. A query without words ranks by the signature alone. Lesson embeddings are computed once per lesson id and text and
 * cached; query embeddings are kept in a small cache too. Thread-safe.
 */
public final class EmbeddingLessonRetriever implements LessonRetriever {

    private static final double CONDITIONED = 0.6;
    private static final double SEMANTIC = 0.4;
    private static final double SAME_KIND = 0.1;
    private static final double TOOL_WIDE = 0.35;
    private static final int QUERY_CACHE = 256;

    private final EmbeddingModel model;
    private record Cached(String text, Embedding embedding) {}

    private final Map<String, Cached> lessonEmbeddings = new ConcurrentHashMap<>();
    private final Map<String, Embedding> queryEmbeddings = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > QUERY_CACHE;
        }
    });

    /** A retriever over {@code model}; share one model, it is expensive to load. */
    public EmbeddingLessonRetriever(EmbeddingModel model) {
        this.model = Objects.requireNonNull(model, "model must not be null");
    }

    /** A retriever over the quantized all-MiniLM-L6-v2 (about 100 MB of heap while it loads). */
    public static EmbeddingLessonRetriever ofDefaults() {
        OptionalModules.require("dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
                "the in-process embedding model", "agent-embeddings");
        return new EmbeddingLessonRetriever(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Override
    public List<ScoredLesson> retrieve(RetrievalQuery query, BankSnapshot snapshot, int k, double floor) {
        Objects.requireNonNull(query, "query must not be null");
        Objects.requireNonNull(snapshot, "snapshot must not be null");
        if (k <= 0) {
            return List.of();
        }
        prune(snapshot);
        Map<String, String> fingerprints = new HashMap<>();
        query.arguments().forEach((name, value) -> {
            if (value != null) {
                fingerprints.put(name, Fingerprint.of(String.valueOf(value)));
            }
        });
        List<Lesson> candidates = snapshot.lessonsOf(query.tool()).stream()
                .filter(Lesson::isActive)
                .filter(l -> l.trigger().matchesFailedCall(query.tool(), query.arguments(), fingerprints))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        // meaning matters only to order several lessons, or when the floor is above what the signature
        // alone gives: a lone candidate is returned without embedding the query
        boolean rank = candidates.size() > 1 || floor > TOOL_WIDE;
        Embedding queryEmbedding = query.text().isBlank() || !rank ? null : queryEmbedding(query.text());
        List<ScoredLesson> scored = new ArrayList<>();
        for (Lesson lesson : candidates) {
            boolean conditioned = !lesson.trigger().conditions().isEmpty();
            double score;
            if (queryEmbedding == null) {
                score = conditioned ? CONDITIONED : TOOL_WIDE;
            } else {
                double similarity = Math.max(0, CosineSimilarity.between(queryEmbedding, lessonEmbedding(lesson)));
                score = (conditioned ? CONDITIONED : TOOL_WIDE) + SEMANTIC * similarity;
            }
            if (query.errorKind() != null && query.errorKind() == lesson.trigger().errorKind()) {
                score += SAME_KIND;
            }
            score = Math.min(1.0, score);
            if (score >= floor) {
                scored.add(new ScoredLesson(lesson, score));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredLesson::score).reversed().thenComparing(s -> s.lesson().id()));
        return scored.size() <= k ? scored : List.copyOf(scored.subList(0, k));
    }

    /** The cosine of the two lessons' embeddings (their titles and contents): how alike they mean, whatever their words. */
    @Override
    public double similarity(Lesson a, Lesson b) {
        return CosineSimilarity.between(queryEmbedding(a.title() + " " + a.content()), queryEmbedding(b.title() + " " + b.content()));
    }

    /** Two lessons whose embeddings have a cosine of 0.9 or more say the same thing. */
    @Override
    public double sameMeaning() {
        return 0.9;
    }

    /** How many lesson embeddings are cached (for tests and diagnostics). */
    public int cachedLessonEmbeddings() {
        return lessonEmbeddings.size();
    }

    private Embedding lessonEmbedding(Lesson lesson) {
        String text = SignatureRetriever.textOf(lesson);
        Cached cached = lessonEmbeddings.get(lesson.id());
        if (cached == null || !cached.text().equals(text)) {
            cached = new Cached(text, model.embed(text).content());
            lessonEmbeddings.put(lesson.id(), cached);
        }
        return cached.embedding();
    }

    private Embedding queryEmbedding(String text) {
        Embedding cached = queryEmbeddings.get(text);
        if (cached != null) {
            return cached;
        }
        Embedding embedding = model.embed(text).content();
        queryEmbeddings.put(text, embedding);
        return embedding;
    }

    /** Drops the embeddings of lessons that are gone, once the cache holds many more than the bank. */
    private void prune(BankSnapshot snapshot) {
        if (lessonEmbeddings.size() > 2 * snapshot.size() + 64) {
            lessonEmbeddings.keySet().removeIf(id -> snapshot.find(id).isEmpty());
        }
    }
}
