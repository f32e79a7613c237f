package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The lessons of a store at one revision: immutable, so it can be shared and read without locks.
 * Lookup by id and by tool take constant time, and a new revision shares structure with the old one:
 * changing a few lessons costs time in proportion to those lessons and to the lessons of their tools,
 * not to the whole bank.
 */
public final class BankSnapshot {

    public static final BankSnapshot EMPTY = new BankSnapshot(0, IdIndex.EMPTY, Map.of(), Map.of(), 0);

    private final long revision;
    private final IdIndex byId;
    private final Map<String, ToolLessons> byTool;
    /** For each host (lower case) lessons were learned on, the tools those lessons belong to. */
    private final Map<String, Set<String>> toolsByHost;
    private final long nextSequence;
    private volatile @Nullable List<Lesson> ordered;
    private final Map<String, List<Lesson>> learnedOn = new ConcurrentHashMap<>();

    private BankSnapshot(long revision, IdIndex byId, Map<String, ToolLessons> byTool, Map<String, Set<String>> toolsByHost,
            long nextSequence) {
        this.revision = revision;
        this.byId = byId;
        this.byTool = byTool;
        this.toolsByHost = toolsByHost;
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
        List<IdIndex.Entry> entries = new ArrayList<>(inOrder.size());
        for (Lesson lesson : inOrder) {
            tools.computeIfAbsent(lesson.trigger().tool(), t -> new ArrayList<>()).add(lesson);
            entries.add(new IdIndex.Entry(lesson, entries.size()));
        }
        Map<String, ToolLessons> byTool = new HashMap<>();
        Map<String, Set<String>> toolsByHost = new HashMap<>();
        tools.forEach((tool, list) -> {
            byTool.put(tool, ToolLessons.of(tool, list));
            hostsOf(list).forEach(host -> toolsByHost.computeIfAbsent(host, h -> new HashSet<>()).add(tool));
        });
        this.revision = revision;
        this.byId = IdIndex.of(entries);
        this.byTool = Map.copyOf(byTool);
        this.toolsByHost = frozen(toolsByHost);
        this.nextSequence = inOrder.size();
        this.ordered = inOrder;
    }

    /**
     * A snapshot whose lessons are read when first asked for, a tool's lessons at a time: a bank opens in
     * the time it takes to find its lessons' ids and tools, and its first answer reads one tool's lessons.
     *
     * @param ids the lessons' ids, in the order they were first stored
     * @param tools the tool of each lesson, in the same order
     * @param hosts the host each lesson was learned on ({@link Lesson#sharedHost()}), in the same order
     * @param sourceOf for a tool, where its lessons are (read in that order)
     * @throws IllegalArgumentException when two lessons have the same id
     */
    static BankSnapshot toRead(long revision, List<String> ids, List<String> tools, List<@Nullable String> hosts,
            Function<String, ToolLessons.Source> sourceOf) {
        Map<String, ToolLessons> byTool = new HashMap<>();
        Map<String, Set<String>> toolsByHost = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        List<IdIndex.Entry> entries = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String tool = tools.get(i);
            ToolLessons of = byTool.computeIfAbsent(tool, t -> ToolLessons.toRead(t, sourceOf.apply(t)));
            entries.add(new IdIndex.Entry(ids.get(i), i, null, of, counts.computeIfAbsent(tool, t -> new int[1])[0]++));
            String host = hosts.get(i);
            if (host != null) {
                toolsByHost.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HashSet<>()).add(tool);
            }
        }
        return new BankSnapshot(revision, IdIndex.of(entries), Map.copyOf(byTool), frozen(toolsByHost), ids.size());
    }

    private static Set<String> hostsOf(List<Lesson> lessons) {
        Set<String> hosts = new HashSet<>();
        for (Lesson lesson : lessons) {
            if (lesson.sharedHost() != null) {
                hosts.add(lesson.sharedHost().toLowerCase(Locale.ROOT));
            }
        }
        return hosts;
    }

    private static Map<String, Set<String>> frozen(Map<String, Set<String>> toolsByHost) {
        Map<String, Set<String>> copy = new HashMap<>();
        toolsByHost.forEach((host, tools) -> copy.put(host, Set.copyOf(tools)));
        return Map.copyOf(copy);
    }

    /** The next revision: these lessons added or replaced (by id), these ids removed. */
    public BankSnapshot with(long newRevision, Collection<Lesson> upserts, Collection<String> removals) {
        IdIndex index = byId;
        Map<String, ToolLessons> tools = new HashMap<>(byTool);
        Set<String> touched = new HashSet<>();
        long sequence = nextSequence;
        for (String id : removals) {
            IdIndex.Entry old = index.get(id);
            if (old != null) {
                index = index.without(id);
                String tool = old.tool();
                touched.add(tool);
                List<Lesson> remaining = new ArrayList<>(lessonsOf(tools, tool));
                remaining.removeIf(l -> l.id().equals(id));
                putOrDrop(tools, tool, remaining);
            }
        }
        for (Lesson lesson : upserts) {
            IdIndex.Entry old = index.get(lesson.id());
            long place = old == null ? sequence++ : old.sequence();
            index = index.with(new IdIndex.Entry(lesson, place));
            String tool = lesson.trigger().tool();
            touched.add(tool);
            if (old != null && !old.tool().equals(tool)) {
                touched.add(old.tool());
                List<Lesson> previous = new ArrayList<>(lessonsOf(tools, old.tool()));
                previous.removeIf(l -> l.id().equals(lesson.id()));
                putOrDrop(tools, old.tool(), previous);
                old = null;
            }
            List<Lesson> ofTool = new ArrayList<>(lessonsOf(tools, tool));
            int at = old == null ? -1 : indexOf(ofTool, lesson.id());
            if (at >= 0) {
                ofTool.set(at, lesson);
            } else {
                ofTool.add(placeOf(ofTool, place, index), lesson); // a tool's lessons keep the order they were first stored in
            }
            tools.put(tool, ToolLessons.of(tool, ofTool));
        }
        return new BankSnapshot(newRevision, index, Map.copyOf(tools), hostsAfter(touched, tools), sequence);
    }

    /** {@link #toolsByHost} once the lessons of the {@code touched} tools are these. */
    private Map<String, Set<String>> hostsAfter(Set<String> touched, Map<String, ToolLessons> tools) {
        if (touched.isEmpty()) {
            return toolsByHost;
        }
        Map<String, Set<String>> result = new HashMap<>();
        toolsByHost.forEach((host, ofHost) -> {
            Set<String> kept = new HashSet<>(ofHost);
            kept.removeAll(touched);
            result.put(host, kept);
        });
        for (String tool : touched) {
            hostsOf(lessonsOf(tools, tool)).forEach(host -> result.computeIfAbsent(host, h -> new HashSet<>()).add(tool));
        }
        result.values().removeIf(Set::isEmpty);
        return frozen(result);
    }

    /** Where a lesson stored at {@code sequence} goes among these lessons of its tool; the end unless it moved from another tool. */
    private static int placeOf(List<Lesson> ofTool, long sequence, IdIndex index) {
        int at = ofTool.size();
        while (at > 0 && Objects.requireNonNull(index.get(ofTool.get(at - 1).id()), "a lesson of a tool is in the index").sequence() > sequence) {
            at--;
        }
        return at;
    }

    private static List<Lesson> lessonsOf(Map<String, ToolLessons> tools, String tool) {
        ToolLessons of = tools.get(tool);
        return of == null ? List.of() : of.lessons();
    }

    private static void putOrDrop(Map<String, ToolLessons> tools, String tool, List<Lesson> lessons) {
        if (lessons.isEmpty()) {
            tools.remove(tool);
        } else {
            tools.put(tool, ToolLessons.of(tool, lessons));
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

    /** What writes the lessons of a document: a lesson, or the JSON of one nobody read, copied as it is. */
    interface DocumentWriter {
        void lesson(Lesson lesson) throws java.io.IOException;

        void json(byte[] lesson) throws java.io.IOException;
    }

    /** Each lesson in the order first stored, to {@code writer}: a lesson not read yet as its JSON, so writing reads none. */
    void writeTo(DocumentWriter writer) throws java.io.IOException {
        IdIndex.Entry[] entries = byId.entries();
        Arrays.sort(entries, Comparator.comparingLong(IdIndex.Entry::sequence));
        for (IdIndex.Entry entry : entries) {
            byte[] json = entry.held() == null ? Objects.requireNonNull(entry.of(), "an entry holds its lesson or says where it is")
                    .jsonIfNotRead(entry.place()) : null;
            if (json != null) {
                writer.json(json);
            } else {
                writer.lesson(entry.lesson());
            }
        }
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
        return lessonsOf(byTool, tool);
    }

    /**
     * The lessons learned on this host ({@link Lesson#sharedHost()}, any case), of every tool, in the
     * order they were first stored: reads only the lessons of tools that learned something there.
     */
    public List<Lesson> learnedOn(String host) {
        return learnedOn.computeIfAbsent(host.toLowerCase(Locale.ROOT), key -> {
            List<IdIndex.Entry> found = new ArrayList<>();
            for (String tool : toolsByHost.getOrDefault(key, Set.of())) {
                for (Lesson lesson : lessonsOf(tool)) {
                    if (lesson.sharedHost() != null && lesson.sharedHost().toLowerCase(Locale.ROOT).equals(key)) {
                        found.add(Objects.requireNonNull(byId.get(lesson.id()), "a lesson of a tool is in the index"));
                    }
                }
            }
            found.sort(Comparator.comparingLong(IdIndex.Entry::sequence));
            return found.stream().map(IdIndex.Entry::lesson).toList();
        });
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
