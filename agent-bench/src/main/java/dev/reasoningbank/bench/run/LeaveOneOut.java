package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyStats;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.agent.TaskResult;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Leave-one-out, enforced: a policy's first attempt at a task may apply only lessons that were in its
 * memory before the task began, never one learned from the task being scored (by a practice run, a
 * peek at the stream, a second pass counted as the first). A later attempt at the same task is a retry
 * after a failure, which every policy gets alike; it may use what the first attempt learned. Every
 * track runs its policies through this guard, so a leaking policy stops the run instead of inflating it.
 */
public final class LeaveOneOut implements MemoryPolicy {

    /** A policy applied, at its first attempt, a lesson learned from the task being scored. */
    public static final class Violation extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }

    private final String name;
    private final MemoryPolicy policy;
    private boolean taskStarted;

    private LeaveOneOut(String name, MemoryPolicy policy) {
        this.name = name;
        this.policy = policy;
    }

    /** {@code policy} under the guard; {@code name} is how a violation names it. */
    public static MemoryPolicy guard(String name, MemoryPolicy policy) {
        return new LeaveOneOut(name, policy);
    }

    @Override
    public TaskResult attempt(Task task) {
        if (taskStarted) {
            return policy.attempt(task);
        }
        taskStarted = true;
        Set<String> before = new HashSet<>();
        policy.lessons().forEach(l -> before.add(l.id()));
        TaskResult result = policy.attempt(task);
        List<String> learnedHere = result.lessonsApplied().stream().filter(id -> !before.contains(id)).toList();
        if (!learnedHere.isEmpty()) {
            throw new Violation("policy '" + name + "' applied " + String.join(", ", learnedHere) + " at its first attempt at task " + task.id()
                    + ", but the lesson was not in its memory when the task began: it was learned from the task being scored");
        }
        return result;
    }

    @Override
    public void endTask() {
        taskStarted = false;
        policy.endTask();
    }

    @Override
    public int lessonsBlockTokens(Task task) {
        return policy.lessonsBlockTokens(task);
    }

    @Override
    public List<Lesson> lessons() {
        return policy.lessons();
    }

    @Override
    public PolicyStats stats() {
        return policy.stats();
    }

    @Override
    public void close() {
        policy.close();
    }
}
