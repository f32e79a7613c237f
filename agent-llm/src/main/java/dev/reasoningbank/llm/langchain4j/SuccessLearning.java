package dev.reasoningbank.llm.langchain4j;

import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.bank.InvalidLessonException;
import dev.reasoningbank.core.bank.MemorizeResult;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.llm.SuccessReflector;
import dev.reasoningbank.llm.SuccessTrajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Optional success reflection: remembers the failures of each tool in each conversation, and when a
 * later call of that tool succeeds although no lesson fixed it (the model found the fix itself), asks
 * the {@link SuccessReflector} to distil at most three lessons from the trajectory and memorizes them.
 */
final class SuccessLearning {

    private static final int MAX_TRAJECTORIES = 1_000;

    private final @Nullable SuccessReflector reflector;
    private final Map<String, List<Failure>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Failure>> eldest) {
            return size() > MAX_TRAJECTORIES;
        }
    };

    /** @param reflector the success reflector, or {@code null} to learn from failures only */
    SuccessLearning(@Nullable SuccessReflector reflector) {
        this.reflector = reflector;
    }

    void failed(String taskId, Failure failure) {
        if (reflector == null) {
            return;
        }
        synchronized (failures) {
            failures.computeIfAbsent(taskId + "|" + failure.tool(), key -> new ArrayList<>()).add(failure);
        }
    }

    /** After a successful call; {@code fixedByLesson} when a lesson of the bank changed the call. */
    void succeeded(Learning learning, String taskId, ToolCall call, @Nullable Object result, boolean fixedByLesson) {
        if (reflector == null) {
            return;
        }
        List<Failure> before;
        synchronized (failures) {
            before = failures.remove(taskId + "|" + call.tool());
        }
        if (before == null || fixedByLesson) {
            return;
        }
        ReflectionContext context = new ReflectionContext(learning.tools().parameters(call.tool()), List.of(),
                learning.bank().config().clock().instant());
        for (Lesson lesson : reflector.reflect(SuccessTrajectory.of(taskId, before, call, result), context)) {
            learning.publish(new AgentEvent.Reflected(taskId, reflector.name(), lesson));
            try {
                MemorizeResult stored = learning.bank().memorize(lesson);
                learning.publish(new AgentEvent.Memorized(taskId, stored.lesson(), stored.created()));
            } catch (InvalidLessonException invalid) {
                learning.publish(new AgentEvent.Reflected(taskId, reflector.name() + " (refused: " + invalid.getMessage() + ")", null));
            }
        }
    }
}
