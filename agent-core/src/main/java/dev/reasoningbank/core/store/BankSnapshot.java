package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lessons of a store at one revision: immutable, so it can be shared and read without locks.
 * Lookup by id and by tool take constant time, and a new revision shares structure with the old one:
 * changing a few lessons costs time in proportion to those lessons and to the lessons of their tools,
 * not to the whole bank.
 */
public final class BankSnapshot {

    public static final BankSnapshot EMPTY = new BankSnapshot(0, IdIndex.EMPTY, Map.of(), 0);

    private final long revision;
    private final IdIndex byId;
    private final Map<String, List<Lesson>> byTool;
    private final long nextSequence;
    private volatile @Nullable List<Lesson> ordered;

    private BankSnapshot(long revision, IdIndex byId, Map<String, List<Lesson>> byTool, long nextSequence) {
        this.revision = revision;
        this.byId = byId;
        this.byTool = byTool;
        this.nextSequence = nextSequence;
    }

    /**
     * A snapshot of these lessons, in this order.
     *
     * @param revision increases with every write; equal revisions of one store hold equal lessons
     * @param lessons the lessons in the order they were first learned
     * @throws IllegalArgumentException when two lessons have the same id
     */
    public BankSnapshot(long revision, List<Lesson> lessons) {
        List<Lesson> inOrder = List.copyOf(lessons);
        Map<String, List<Lesson>> tools = new HashMap<>();
        for (Lesson lesson : inOrder) {
            tools.computeIfAbsent(lesson.trigger().tool(), t -> new ArrayList<>()).add(lesson);
        }
        tools.replaceAll((tool, list) -> List.copyOf(list));
        this.revision = revision;
        this.byId = IdIndex.of(inOrder);
        this.byTool = Map.copyOf(tools);
        this.nextSequence = inOrder.size();
        this.ordered = inOrder;
    }

    /** The next revision: these lessons added or replaced (by id), these ids removed. */
    public BankSnapshot with(long newRevision, Collection<Lesson> upserts, Collection<String> removals) {
        IdIndex index = byId;
        Map<String, List<Lesson>> tools = new HashMap<>(byTool);
        long sequence = nextSequence;
        for (String id : removals) {
            IdIndex.Entry old = index.get(id);
            if (old != null) {
                index = index.without(id);
                String tool = old.lesson().trigger().tool();
                List<Lesson> remaining = new ArrayList<>(tools.get(tool));
                remaining.removeIf(l -> l.id().equals(id));
                putOrDrop(tools, tool, remaining);
            }
        }
        for (Lesson lesson : upserts) {
            IdIndex.Entry old = index.get(lesson.id());
            index = index.with(new IdIndex.Entry(lesson, old == null ? sequence++ : old.sequence()));
            String tool = lesson.trigger().tool();
            if (old != null && !old.lesson().trigger().tool().equals(tool)) {
                List<Lesson> previous = new ArrayList<>(tools.get(old.lesson().trigger().tool()));
                previous.removeIf(l -> l.id().equals(lesson.id()));
                putOrDrop(tools, old.lesson().trigger().tool(), previous);
                old = null;
            }
            List<Lesson> ofTool = new ArrayList<>(tools.getOrDefault(tool, List.of()));
            int at = old == null ? -1 : indexOf(ofTool, lesson.id());
            if (at >= 0) {
                ofTool.set(at, lesson);
            } else {
                ofTool.add(lesson);
            }
            tools.put(tool, List.copyOf(ofTool));
        }
        return new BankSnapshot(newRevision, index, Map.copyOf(tools), sequence);
    }

    private static void putOrDrop(Map<String, List<Lesson>> tools, String tool, List<Lesson> lessons) {
        if (lessons.isEmpty()) {
            tools.remove(tool);
        } else {
            tools.put(tool, List.copyOf(lessons));
        }
    }

    private static int indexOf(List<Lesson> lessons, String id) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public long revision() {
        return revision;
    }

    /** Every lesson, in the order they were first stored. */
    public List<Lesson> lessons() {
        List<Lesson> result = ordered;
        if (result == null) {
            IdIndex.Entry[] entries = byId.entries();
            Arrays.sort(entries, Comparator.comparingLong(IdIndex.Entry::sequence));
            List<Lesson> list = new ArrayList<>(entries.length);
            for (IdIndex.Entry entry : entries) {
                list.add(entry.lesson());
            }
            result = List.copyOf(list);
            ordered = result;
        }
        return result;
    }

    /** The lessons whose trigger names this tool. */
    public List<Lesson> lessonsOf(String tool) {
        return byTool.getOrDefault(tool, List.of());
    }

    public Optional<Lesson> find(String id) {
        IdIndex.Entry entry = byId.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.lesson());
    }

    public int size() {
        return byId.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BankSnapshot other && revision == other.revision && lessons().equals(other.lessons());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(revision) * 31 + size();
    }

    @Override
    public String toString() {
        return "BankSnapshot[revision=" + revision + ", lessons=" + size() + "]";
    }
}
