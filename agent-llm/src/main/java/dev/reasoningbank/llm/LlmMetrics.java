package dev.reasoningbank.llm;

import dev.langchain4j.model.output.TokenUsage;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Read-only counters of the calls one {@link StructuredChat} made to its model: calls, re-asks,
 * fallbacks and tokens (as reported by the server; a server that reports none adds nothing).
 * Thread-safe.
 */
public final class LlmMetrics {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong reasks = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();

    /** Requests sent to the model, re-asks included. */
    public long getNumberOfCalls() {
        return calls.get();
    }

    /** Requests that ended in an error (unreachable, timeout, HTTP error). */
    public long getNumberOfFailedCalls() {
        return failedCalls.get();
    }

    /** Requests that re-asked after an invalid answer. */
    public long getNumberOfReasks() {
        return reasks.get();
    }

    /** Answers that passed validation. */
    public long getNumberOfAcceptedAnswers() {
        return accepted.get();
    }

    /** Questions answered by the fallback instead of the model. */
    public long getNumberOfFallbacks() {
        return fallbacks.get();
    }

    public long getInputTokens() {
        return inputTokens.get();
    }

    public long getOutputTokens() {
        return outputTokens.get();
    }

    public long getTotalTokens() {
        return inputTokens.get() + outputTokens.get();
    }

    void recordCall(@Nullable TokenUsage usage) {
        calls.incrementAndGet();
        if (usage != null) {
            inputTokens.addAndGet(usage.inputTokenCount() == null ? 0 : usage.inputTokenCount());
            outputTokens.addAndGet(usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        }
    }

    void recordFailedCall() {
        calls.incrementAndGet();
        failedCalls.incrementAndGet();
    }

    void recordReask() {
        reasks.incrementAndGet();
    }

    void recordAccepted() {
        accepted.incrementAndGet();
    }

    void recordFallback() {
        fallbacks.incrementAndGet();
    }

    @Override
    public String toString() {
        return getNumberOfCalls() + " LLM calls (" + getNumberOfReasks() + " re-asks, " + getNumberOfFailedCalls() + " failed), "
                + getNumberOfFallbacks() + " fallbacks, " + getTotalTokens() + " tokens (" + getInputTokens() + " in, "
                + getOutputTokens() + " out)";
    }
}
