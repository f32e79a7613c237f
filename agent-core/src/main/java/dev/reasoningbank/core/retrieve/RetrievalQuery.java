package dev.reasoningbank.core.retrieve;

import static dev.reasoningbank.core.internal.Checks.notBlank;

import dev.reasoningbank.core.lesson.ErrorKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to find lessons for: a planned call (tool and arguments), described in words, and, at
 * reflection time, the error it raised.
 *
 * @param tool the tool about to be called
 * @param arguments the call's arguments (raw: only tested against conditions, never stored)
 * @param text words describing the task or the error, for lexical or semantic similarity
 * @param errorKind the error's kind when retrieving for a failure, else {@code null}
 */
public record RetrievalQuery(String tool, Map<String, ?> arguments, String text, @Nullable ErrorKind errorKind) {

    public RetrievalQuery {
        notBlank(tool, "tool");
        arguments = arguments == null ? Map.of() : arguments;
        text = text == null ? "" : text;
    }

    public static RetrievalQuery forCall(String tool, Map<String, ?> arguments, String text) {
        return new RetrievalQuery(tool, arguments, text, null);
    }
}
