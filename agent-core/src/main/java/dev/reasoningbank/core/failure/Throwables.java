package dev.reasoningbank.core.failure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Walks an exception, its causes and their suppressed exceptions, each once, cycles included. */
final class Throwables {

    /** More than any real chain holds; a guard against pathological ones. */
    static final int MAX = 32;

    private Throwables() {}

    /** The exception first, then its causes, then the suppressed ones, breadth-first; at most {@value #MAX}. */
    static List<Throwable> all(Throwable error) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        for (Throwable t = error; t != null && seen.add(t) && out.size() < MAX; t = t.getCause()) {
            out.add(t);
            queue.add(t);
        }
        while (!queue.isEmpty() && out.size() < MAX) {
            for (Throwable suppressed : queue.poll().getSuppressed()) {
                for (Throwable t = suppressed; t != null && seen.add(t) && out.size() < MAX; t = t.getCause()) {
                    out.add(t);
                    queue.add(t);
                }
            }
        }
        return out;
    }
}
