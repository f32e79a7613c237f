package dev.reasoningbank.bench.run;

/**
 * The metrics of one policy on the tasks of one failure class.
 *
 * @param tasks tasks of the class
 * @param succeeded tasks that succeeded
 * @param skipped tasks skipped
 * @param toolCalls real tool calls
 * @param failedCalls tool calls that failed
 * @param repeatedMistakes failed calls that repeated a known avoidable failure
 */
public record ClassResult(int tasks, int succeeded, int skipped, int toolCalls, int failedCalls, int repeatedMistakes) {

    static final ClassResult EMPTY = new ClassResult(0, 0, 0, 0, 0, 0);

    ClassResult plus(ClassResult o) {
        return new ClassResult(tasks + o.tasks, succeeded + o.succeeded, skipped + o.skipped, toolCalls + o.toolCalls,
                failedCalls + o.failedCalls, repeatedMistakes + o.repeatedMistakes);
    }
}
