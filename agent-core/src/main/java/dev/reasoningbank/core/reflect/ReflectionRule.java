package dev.reasoningbank.core.reflect;

import dev.reasoningbank.core.failure.Failure;
import java.util.Optional;

/** One rule of the {@link RuleBasedReflector}: a lesson draft for the failures it recognises. */
@FunctionalInterface
public interface ReflectionRule {

    Optional<LessonDraft> apply(Failure failure, ReflectionContext context);
}
