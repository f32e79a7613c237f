package dev.reasoningbank.bench.realerrors;

import java.util.List;

/**
 * One policy over one half of the corpus.
 *
 * @param policy the policy's name
 * @param tasks tasks run (entries × passes)
 * @param succeeded tasks that succeeded
 * @param toolCalls real HTTP calls
 * @param failedCalls calls that failed
 * @param repeatedMistakes repeated mistakes on failures whose fix the vocabulary can express
 * @param repeatedMistakesUnfixable repeated mistakes on failures it cannot express (the same call made again)
 * @param wrongFixes calls accepted with a changed meaning
 * @param classes documented failures in the half
 * @param classesExpressible those whose fix the strategy vocabulary can express and whose call failed
 * @param classesLearned expressible ones learned after at most one failed task, with no repeat and no wrong fix
 * @param classesNeverFailed those whose call never failed: the tool read the documented error as a result (an error answered
 *     with 200), so the half cannot measure them
 * @param lessons lessons in the bank at the end
 * @param successCurve cumulative success rate after each task
 * @param failedCallsCurve failed calls so far after each task
 * @param repeatedMistakesCurve repeated mistakes so far after each task
 * @param toolCallsPerTaskCurve the tool calls each task made
 * @param entries each documented failure
 */
public record SplitResult(
        String policy, int tasks, int succeeded, int toolCalls, int failedCalls, int repeatedMistakes, int repeatedMistakesUnfixable,
        int wrongFixes, int classes, int classesExpressible, int classesLearned, int classesNeverFailed, int lessons, List<Double> successCurve,
        List<Integer> failedCallsCurve, List<Integer> repeatedMistakesCurve, List<Integer> toolCallsPerTaskCurve, List<EntryResult> entries) {

    public double successRate() {
        return tasks == 0 ? 0 : (double) succeeded / tasks;
    }

    public double toolCallsPerTask() {
        return tasks == 0 ? 0 : (double) toolCalls / tasks;
    }
}
