package dev.reasoningbank.micrometer;

import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.agent.AgentListener;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.llm.LlmMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Micrometer meters for the learning loop, as an {@link AgentListener}: pass it to
 * {@code LearningAiServices.builder(..).listener(..)} or {@code LearningAgent.builder().listener(..)}.
 *
 * <ul>
 *   <li>{@code reasoningbank.lessons.learned} (tags {@code tool}, {@code strategy}): new lessons memorized</li>
 *   <li>{@code reasoningbank.lessons.applied} (tool, strategy): lessons that changed a call</li>
 *   <li>{@code reasoningbank.calls.skipped} (tool): calls not made because their host is known to be down</li>
 *   <li>{@code reasoningbank.calls.refused} (tool): calls not made because they failed the same way before</li>
 *   <li>{@code reasoningbank.tool.failures} (tool, kind): failed tool calls</li>
 *   <li>{@code reasoningbank.reflections} (reflector, outcome): reflections, with or without a lesson</li>
 *   <li>{@code reasoningbank.llm.calls}, {@code reasoningbank.llm.tokens} (direction), {@code reasoningbank.llm.fallbacks}:
 *       the reflection model's use, when bound with {@link #bindLlm(LlmMetrics)}</li>
 * </ul>
 */
public final class LearningMetrics implements AgentListener {

    private final MeterRegistry registry;

    private LearningMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters registered in {@code registry}. */
    public static LearningMetrics bindTo(MeterRegistry registry) {
        return new LearningMetrics(Objects.requireNonNull(registry, "registry must not be null"));
    }

    /** Also meter the reflection model's calls, tokens and fallbacks (e.g. {@code LlmReflectors.Setup#metrics()}). */
    public LearningMetrics bindLlm(LlmMetrics llm) {
        Objects.requireNonNull(llm, "llm must not be null");
        FunctionCounter.builder("reasoningbank.llm.calls", llm, LlmMetrics::getNumberOfCalls).register(registry);
        FunctionCounter.builder("reasoningbank.llm.fallbacks", llm, LlmMetrics::getNumberOfFallbacks).register(registry);
        FunctionCounter.builder("reasoningbank.llm.tokens", llm, LlmMetrics::getInputTokens).tag("direction", "input").register(registry);
        FunctionCounter.builder("reasoningbank.llm.tokens", llm, LlmMetrics::getOutputTokens).tag("direction", "output").register(registry);
        return this;
    }

    @Override
    public void onEvent(AgentEvent event) {
        if (event instanceof AgentEvent.Memorized m && m.created()) {
            lessonCounter("reasoningbank.lessons.learned", m.lesson()).increment();
        } else if (event instanceof AgentEvent.Applied a) {
            lessonCounter("reasoningbank.lessons.applied", a.lesson()).increment();
        } else if (event instanceof AgentEvent.Skipped s) {
            Counter.builder("reasoningbank.calls.skipped").tag("tool", s.lesson().trigger().tool()).register(registry).increment();
        } else if (event instanceof AgentEvent.Refused r) {
            Counter.builder("reasoningbank.calls.refused").tag("tool", r.lesson().trigger().tool()).register(registry).increment();
        } else if (event instanceof AgentEvent.Failed f) {
            Counter.builder("reasoningbank.tool.failures").tag("tool", f.failure().tool()).tag("kind", f.failure().kind().name())
                    .register(registry).increment();
        } else if (event instanceof AgentEvent.Reflected r) {
            Counter.builder("reasoningbank.reflections").tag("reflector", r.reflector().replaceAll(" \\(.*", ""))
                    .tag("outcome", r.lesson() == null ? "none" : "lesson").register(registry).increment();
        }
    }

    private Counter lessonCounter(String name, Lesson lesson) {
        return Counter.builder(name).tag("tool", lesson.trigger().tool()).tag("strategy", lesson.strategy().type()).register(registry);
    }
}
