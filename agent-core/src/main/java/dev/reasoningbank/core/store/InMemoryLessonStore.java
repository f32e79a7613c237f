package dev.reasoningbank.core.store;

import java.util.function.Function;

/** Keeps lessons in memory only: for tests and for agents that should forget on exit. */
public final class InMemoryLessonStore implements LessonStore {

    private BankSnapshot snapshot = BankSnapshot.EMPTY;

    @Override
    public synchronized BankSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized <R> R update(Function<LessonSet, R> transaction) {
        LessonSet working = new LessonSet(snapshot);
        R result = transaction.apply(working);
        if (working.changed()) {
            snapshot = working.commit(snapshot.revision() + 1);
        }
        return result;
    }

    @Override
    public String describe() {
        return "in-memory store";
    }
}
