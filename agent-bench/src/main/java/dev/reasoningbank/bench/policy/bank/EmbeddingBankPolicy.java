package dev.reasoningbank.bench.policy.bank;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.reasoningbank.bench.policy.LlmUsage;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.llm.EmbeddingLessonRetriever;

/**
 * {@code bank-embedding}: {@code bank} with agent-llm's {@link EmbeddingLessonRetriever} (the quantized
 * all-MiniLM-L6-v2, in process and offline) instead of core's lexical retriever, so that the report
 * shows the embedding retriever's learning overhead next to the lexical one on the same stream.
 *
 * <p>The model is loaded once per JVM (a second or two, about 100 MB of heap) and shared; each run
 * gets its own retriever, so no embedding is cached from one run to the next.
 */
public final class EmbeddingBankPolicy {

    public static final PolicyFactory FACTORY = new PolicyFactory() {
        public String name() { return "bank-embedding"; }
        public String description() {
            return "bank with the embedding retriever (all-MiniLM-L6-v2, in process) instead of the lexical one: its overhead next to bank's";
        }
        public MemoryPolicy create(PolicyContext context) {
            return new BankPolicy(context, context.rules(), LlmUsage.NONE,
                    new EmbeddingLessonRetriever(SharedModel.MODEL));
        }
    };

    private EmbeddingBankPolicy() {}

    /** Loaded on first use only, so that runs without this policy never pay for it. */
    private static final class SharedModel {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
