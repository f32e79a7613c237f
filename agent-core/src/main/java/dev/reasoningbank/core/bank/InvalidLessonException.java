package dev.reasoningbank.core.bank;

import java.util.List;

/** A lesson was refused by validation; nothing was stored. The message lists every problem. */
public class InvalidLessonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidLessonException(String lessonId, List<String> problems) {
        super("lesson " + lessonId + " was not stored: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
