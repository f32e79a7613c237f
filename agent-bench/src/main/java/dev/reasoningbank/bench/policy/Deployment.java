package dev.reasoningbank.bench.policy;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the deployment under test knows, the same for every policy of a track: its credential store,
 * how its rule-based reflector is configured (credential parameters, alternatives), and the fixes an
 * oracle knows from the start.
 *
 * @param parameters the credentials a {@code ReplaceParam} lesson may take
 * @param rules the rule-based reflector's configuration, given how long a down host is skipped
 * @param goldLessons the oracle's lessons, given the start time and the skip duration
 */
public record Deployment(
        ParameterSource parameters,
        Function<Duration, RuleBasedReflector.Builder> rules,
        BiFunction<Instant, Duration, List<Lesson>> goldLessons) {}
