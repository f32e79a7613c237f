package dev.reasoningbank.bench.jmh;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.retrieve.SignatureRetriever;
import dev.reasoningbank.core.store.BankSnapshot;
import dev.reasoningbank.llm.EmbeddingLessonRetriever;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retrieval latency at 1k / 10k / 100k lessons (spread over 100 tools): the {@link SignatureRetriever}
 * and the {@link EmbeddingLessonRetriever} (in-process MiniLM; lesson embeddings cached during set-up,
 * so the figure is the query's embedding plus the ranking; a floor above the signature-only score
 * makes it embed the query even for a lone candidate) alone on a stable snapshot, and
 * {@link ReasoningBank#retrieve} over each store.
 *
 * <p>Run: {@code java -jar agent-bench/target/benchmarks.jar RetrievalBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RetrievalBenchmark {

    @Param({"1000", "10000", "100000"})
    int lessons;

    @Param({"memory", "file"})
    String store;

    private Path dir;
    private ReasoningBank bank;
    private SignatureRetriever retriever;
    private EmbeddingLessonRetriever embeddings;
    private int variant;
    private BankSnapshot snapshot;
    private RetrievalQuery query;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("rb-jmh");
        bank = Banks.open(store, lessons, dir);
        retriever = new SignatureRetriever();
        snapshot = bank.store().snapshot();
        query = Banks.weatherQuery();
        embeddings = EmbeddingLessonRetriever.ofDefaults();
        embeddings.retrieve(query, snapshot, 3, 0.3);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        bank.close();
        Banks.delete(dir);
    }

    /** The retriever on a snapshot it has indexed (the store does not matter). */
    @Benchmark
    public List<ScoredLesson> signatureRetriever() {
        return retriever.retrieve(query, snapshot, 3, 0.3);
    }

    /** The embedding retriever, with a query text it has not seen (no query-embedding cache hit). */
    @Benchmark
    public List<ScoredLesson> embeddingRetriever() {
        RetrievalQuery fresh = new RetrievalQuery(query.tool(), query.arguments(), query.text() + " #" + (variant++), null);
        return embeddings.retrieve(fresh, snapshot, 3, 0.36);
    }

    /** The bank's retrieve: the store's snapshot (a file stat for the file store), the retriever, the counters. */
    @Benchmark
    public List<ScoredLesson> bankRetrieve() {
        return bank.retrieve(query);
    }
}
