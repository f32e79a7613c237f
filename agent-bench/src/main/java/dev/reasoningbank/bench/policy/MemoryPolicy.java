package dev.reasoningbank.bench.policy;

import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.agent.TaskResult;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.List;

/**
 * What an agent remembers between tool calls, and how it uses it. The runner gives every policy the
 * same tools, the same clock and the same attempt budget per task; only the memory differs.
 */
public interface MemoryPolicy extends AutoCloseable {

    /** One attempt at the task: plan, call (with the retries a lesson asks for), reflect, memorize. */
    TaskResult attempt(Task task);

    /** The task is over (succeeded, skipped or out of attempts): a policy may forget here. */
    default void endTask() {}

    /**
     * The estimated tokens of the lessons block a model choosing this task's call would read (as the
     * LangChain4j integration builds it: the task's tool, its words, 3 lessons within 200 tokens); 0
     * without a bank.
     */
    default int lessonsBlockTokens(Task task) {
        return 0;
    }

    /** The lessons the policy holds now, retired ones included; empty without a bank. */
    List<Lesson> lessons();

    /** Counters the runner cannot see from outside. */
    PolicyStats stats();

    @Override
    default void close() {}
}
