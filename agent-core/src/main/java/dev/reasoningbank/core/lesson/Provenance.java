package dev.reasoningbank.core.lesson;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import java.time.Instant;

/**
 * Where a lesson came from.
 *
 * @param reflector the reflector that wrote it (e.g. {@code rules}, {@code llm:ollama/qwen2.5})
 * @param failure the redacted signature of the failure it was learned from, empty when learned from a success
 * @param createdAt when it was first learned
 */
public record Provenance(String reflector, String failure, Instant createdAt) {

    public Provenance {
        notBlank(reflector, "reflector");
        failure = failure == null ? "" : failure;
        notNull(createdAt, "createdAt");
    }
}
