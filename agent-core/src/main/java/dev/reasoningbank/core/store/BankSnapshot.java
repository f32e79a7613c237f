package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lessons of a store at one revision: immutable, so it can be shared and indexed.
 *
 * @param revision increases with every write; equal revisions of one store hold equal lessons
 * @param lessons the lessons in the order they were first learned
 */
public record BankSnapshot(long revision, List<Lesson> lessons) {

    public static final BankSnapshot EMPTY = new BankSnapshot(0, List.of());

    public BankSnapshot {
        lessons = List.copyOf(lessons);
    }

    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    Map<String, Lesson> byId() {
        Map<String, Lesson> map = new LinkedHashMap<>();
        lessons.forEach(l -> map.put(l.id(), l));
        return map;
    }
}
