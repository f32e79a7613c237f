package dev.reasoningbank.core.store;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The working copy of a store's lessons inside one {@link LessonStore#update} transaction: the
 * snapshot it started from plus the changes made so far. Reads see the changes; nothing is copied
 * until the store commits them.
 */
public final class LessonSet {

    private final BankSnapshot base;
    private final Map<String, Lesson> upserts = new LinkedHashMap<>();
    private final Set<String> removals = new LinkedHashSet<>();

    /** The changes a transaction makes on {@code base}; for stores. */
    @Internal
    public LessonSet(BankSnapshot base) {
        this.base = base;
    }

    public Optional<Lesson> get(String id) {
        if (removals.contains(id)) {
            return Optional.empty();
        }
        Lesson changed = upserts.get(id);
        return changed != null ? Optional.of(changed) : base.find(id);
    }

    /** Adds the lesson, or replaces the one with the same id. */
    public void put(Lesson lesson) {
        removals.remove(lesson.id());
        if (base.find(lesson.id()).filter(lesson::equals).isPresent()) {
            upserts.remove(lesson.id());
        } else {
            upserts.put(lesson.id(), lesson);
        }
    }

    public boolean remove(String id) {
        boolean present = get(id).isPresent();
        upserts.remove(id);
        if (base.find(id).isPresent()) {
            removals.add(id);
        }
        return present;
    }

    /** The lessons of one tool, with the changes made so far; a list not to be changed. */
    public List<Lesson> ofTool(String tool) {
        if (upserts.isEmpty() && removals.isEmpty()) {
            return base.lessonsOf(tool);
        }
        List<Lesson> result = new ArrayList<>();
        for (Lesson lesson : base.lessonsOf(tool)) {
            if (!removals.contains(lesson.id()) && !upserts.containsKey(lesson.id())) {
                result.add(lesson);
            }
        }
        for (Lesson lesson : upserts.values()) {
            if (lesson.trigger().tool().equals(tool)) {
                result.add(lesson);
            }
        }
        return java.util.Collections.unmodifiableList(result);
    }

    /** Every lesson, with the changes made so far; costs time in proportion to the whole bank. */
    public Collection<Lesson> all() {
        List<Lesson> result = new ArrayList<>(base.size() + upserts.size());
        for (Lesson lesson : base.lessons()) {
            if (!removals.contains(lesson.id())) {
                result.add(upserts.getOrDefault(lesson.id(), lesson));
            }
        }
        for (Lesson lesson : upserts.values()) {
            if (base.find(lesson.id()).isEmpty()) {
                result.add(lesson);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** How many lessons there are, with the changes made so far; without listing them. */
    public int size() {
        int size = base.size() - removals.size();
        for (String id : upserts.keySet()) {
            if (base.find(id).isEmpty()) {
                size++;
            }
        }
        return size;
    }

    /** Whether the transaction changed anything; for stores. */
    @Internal
    public boolean changed() {
        return !upserts.isEmpty() || !removals.isEmpty();
    }

    /** The lessons the transaction put (new or changed), in the order it put them; for stores that write changes only. */
    @Internal
    public List<Lesson> upserts() {
        return List.copyOf(upserts.values());
    }

    /** The ids the transaction removed; for stores that write changes only. */
    @Internal
    public java.util.Set<String> removals() {
        return java.util.Set.copyOf(removals);
    }

    /** The snapshot these changes make, at the given revision; for stores. */
    @Internal
    public BankSnapshot commit(long revision) {
        return base.with(revision, upserts.values(), removals);
    }
}
