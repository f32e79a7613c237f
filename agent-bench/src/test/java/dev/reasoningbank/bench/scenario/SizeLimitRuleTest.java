package dev.reasoningbank.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reflector rule this module needed in core: a timeout of an oversized request caps the size. */
class SizeLimitRuleTest {

    private static final ReflectionContext CONTEXT = new ReflectionContext(List.of("host", "city", "unit", "days"), List.of(), Instant.EPOCH);

    private static Optional<Lesson> reflectOnTimeout(int days) {
        ToolCall call = ToolCall.of("weather", Map.of("host", Fixture.WEATHER_US, "city", "Oslo", "unit", "CELSIUS", "days", days));
        ToolException timeout = new ToolException("did not answer within 150 ms", 0, null, Fixture.WEATHER_US,
                new HttpTimeoutException("request timed out"));
        return Fixture.reflector(Duration.ofMinutes(10)).build().reflect(Failure.of(call, timeout), CONTEXT);
    }

    @Test
    void should_cap_the_size_when_an_oversized_request_times_out() {
        assertThat(reflectOnTimeout(14)).get().satisfies(lesson -> {
            assertThat(lesson.strategy()).isEqualTo(new Strategy.FixArgument("days", Strategy.Transform.CLAMP_MAX, "7"));
            assertThat(lesson.trigger().conditions()).containsExactly(ArgumentCondition.present("days"));
            assertThat(lesson.expiresAt()).isNull();
        });
    }

    @Test
    void should_treat_a_timeout_within_the_limit_as_transient() {
        assertThat(reflectOnTimeout(3)).get().satisfies(lesson -> {
            assertThat(lesson.strategy()).isInstanceOf(Strategy.RetryWithBackoff.class);
            assertThat(lesson.expiresAt()).isNotNull();
        });
    }
}
