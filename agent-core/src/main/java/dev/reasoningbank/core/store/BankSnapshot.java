package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lessons of a store at one revision: immutable, so it can be shared and indexed. Lookup by id
 * takes constant time.
 */
public final class BankSnapshot {

    public static final BankSnapshot EMPTY = new BankSnapshot(0, List.of());

    private final long revision;
    private final List<Lesson> lessons;
    private final Map<String, Lesson> byId;

    /**
     * @param revision increases with every write; equal revisions of one store hold equal lessons
     * @param lessons the lessons in the order they were first learned
     */
    public BankSnapshot(long revision, List<Lesson> lessons) {
        this.revision = revision;
        this.lessons = List.copyOf(lessons);
        this.byId = new HashMap<>(lessons.size() * 2);
        for (Lesson lesson : this.lessons) {
            byId.put(lesson.id(), lesson);
        }
    }

    public long revision() {
        return revision;
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public Optional<Lesson> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return lessons.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BankSnapshot other && revision == other.revision && lessons.equals(other.lessons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(revision, lessons);
    }

    @Override
    public String toString() {
        return "BankSnapshot[revision=" + revision + ", lessons=" + lessons.size() + "]";
    }
}
