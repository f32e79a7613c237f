package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The lessons of one tool in a snapshot: a list, or lessons still to be read from the bank document,
 * read once when first asked for (by any thread) and kept.
 */
final class ToolLessons {

    private final String tool;
    /** Where lessons not read yet are: what reads them all, and the JSON of each as the document holds it. */
    interface Source {
        List<Lesson> read();

        byte[] json(int place);
    }

    private volatile @Nullable List<Lesson> lessons;
    private @Nullable Source source;

    private ToolLessons(String tool, @Nullable List<Lesson> lessons, @Nullable Source source) {
        this.tool = tool;
        this.lessons = lessons;
        this.source = source;
    }

    static ToolLessons of(String tool, List<Lesson> lessons) {
        return new ToolLessons(tool, List.copyOf(lessons), null);
    }

    /** Lessons {@code source} reads when they are first asked for; a source that fails to read is asked again next time. */
    static ToolLessons toRead(String tool, Source source) {
        return new ToolLessons(tool, null, source);
    }

    String tool() {
        return tool;
    }

    List<Lesson> lessons() {
        List<Lesson> read = lessons;
        if (read == null) {
            synchronized (this) {
                read = lessons;
                if (read == null) {
                    read = List.copyOf(Objects.requireNonNull(source, "a list not read yet has its source").read());
                    lessons = read;
                    source = null; // what it read from can go
                }
            }
        }
        return read;
    }

    /** The JSON of the {@code place}-th lesson as the document holds it, while the lessons are not read; else {@code null}. */
    synchronized byte @Nullable [] jsonIfNotRead(int place) {
        return lessons == null && source != null ? source.json(place) : null;
    }
}
