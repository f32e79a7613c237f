package dev.reasoningbank.core.store;

import java.util.function.Function;

/**
 * Where lessons live. Implementations: {@link JsonFileLessonStore} (the default, one human-readable
 * file shared safely by threads and processes) and {@link InMemoryLessonStore}. Every implementation
 * passes the same contract tests ({@code LessonStoreContract} in the test-jar).
 */
public interface LessonStore extends AutoCloseable {

    /** The lessons as they are now, including changes made by other processes. */
    BankSnapshot snapshot();

    /**
     * Runs a read-modify-write transaction on the latest lessons, atomically with respect to every
     * other thread and process using the store, and persists the result if it changed anything.
     */
    <R> R update(Function<LessonSet, R> transaction);

    /** What this store is, for messages: e.g. {@code file /home/me/.reasoningbank/bank.json}. */
    String describe();

    @Override
    default void close() {}
}
