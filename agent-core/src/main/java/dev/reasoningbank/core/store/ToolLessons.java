package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The lessons of one tool in a snapshot: a list, or lessons still to be read from the bank document,
 * read once when first asked for (by any thread) and kept.
 */
final class ToolLessons {

    private final String tool;
    private volatile @Nullable List<Lesson> lessons;
    private @Nullable Supplier<List<Lesson>> reader;

    private ToolLessons(String tool, @Nullable List<Lesson> lessons, @Nullable Supplier<List<Lesson>> reader) {
        this.tool = tool;
        this.lessons = lessons;
        this.reader = reader;
    }

    static ToolLessons of(String tool, List<Lesson> lessons) {
        return new ToolLessons(tool, List.copyOf(lessons), null);
    }

    /** Lessons {@code reader} reads when they are first asked for; a reader that fails is asked again next time. */
    static ToolLessons toRead(String tool, Supplier<List<Lesson>> reader) {
        return new ToolLessons(tool, null, reader);
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
                    read = List.copyOf(Objects.requireNonNull(reader, "a list not read yet has its reader").get());
                    lessons = read;
                    reader = null; // what it read from can go
                }
            }
        }
        return read;
    }
}
