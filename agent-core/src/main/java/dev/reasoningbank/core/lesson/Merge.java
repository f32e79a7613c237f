package dev.reasoningbank.core.lesson;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import java.time.Instant;

/**
 * A near-duplicate lesson folded into this one: same tool, error kind, conditions and strategy, in
 * other words. Its counters were added to this lesson's.
 *
 * @param id the id the near-duplicate came with
 * @param title its title
 * @param signature the error signature it was learned from: a failure of that signature is known to this lesson
 * @param similarity how alike the two read, by the bank's retriever (0 to 1)
 * @param at when it was merged
 */
public record Merge(String id, String title, String signature, double similarity, Instant at) {

    public Merge {
        notBlank(id, "id");
        notBlank(title, "title");
        notNull(signature, "signature");
        notNull(at, "at");
    }
}
