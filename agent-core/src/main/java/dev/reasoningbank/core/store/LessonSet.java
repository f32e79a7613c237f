package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The working copy of a store's lessons inside one {@link LessonStore#update} transaction. */
public final class LessonSet {

    private final Map<String, Lesson> lessons;
    private boolean changed;

    LessonSet(Collection<Lesson> lessons) {
        this.lessons = new LinkedHashMap<>();
        lessons.forEach(l -> this.lessons.put(l.id(), l));
    }

    public Optional<Lesson> get(String id) {
        return Optional.ofNullable(lessons.get(id));
    }

    /** Adds the lesson, or replaces the one with the same id. */
    public void put(Lesson lesson) {
        Lesson previous = lessons.put(lesson.id(), lesson);
        changed |= !lesson.equals(previous);
    }

    public boolean remove(String id) {
        boolean removed = lessons.remove(id) != null;
        changed |= removed;
        return removed;
    }

    public Collection<Lesson> all() {
        return Collections.unmodifiableCollection(lessons.values());
    }

    public int size() {
        return lessons.size();
    }

    boolean changed() {
        return changed;
    }
}
