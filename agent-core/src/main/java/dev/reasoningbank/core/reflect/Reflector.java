package dev.reasoningbank.core.reflect;

import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.Optional;

/**
 * Turns a redacted failure into a lesson. Implementations: {@link RuleBasedReflector}, deterministic
 * and offline; an LLM reflector in {@code agent-llm}, which falls back to the rules.
 */
public interface Reflector {

    /** The alternatives (values, hosts, tools) the deployment configured for this reflector: the only ones a lesson may switch to. */
    default java.util.Set<String> alternatives() {
        return java.util.Set.of();
    }

    /** A short name recorded in the provenance of the lessons this reflector writes. */
    String name();

    /** The lesson to learn from the failure, or empty when there is nothing worth remembering. */
    Optional<Lesson> reflect(Failure failure, ReflectionContext context);
}
