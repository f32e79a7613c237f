package dev.reasoningbank.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningMetricsTest {

    @Test
    void counts_what_the_loop_learns_applies_and_fails() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Tool weather = Tool.of("weather", List.of("city", "apiKey"), args -> {
            if (!"fresh-key-0123456789".equals(args.get("apiKey"))) {
                throw ToolException.http(401, "API key has expired", "api.weather.example");
            }
            return "sunny";
        });
        LearningAgent agent = LearningAgent.builder().bank(ReasoningBank.inMemory()).tool(weather)
                .reflector(RuleBasedReflector.ofDefaults())
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", "fresh-key-0123456789")))
                .listener(LearningMetrics.bindTo(registry))
                .build();

        agent.run(Task.of("t1", "weather", "weather", Map.of("city", "Oslo", "apiKey", "old-key-0123456789")));
        agent.run(Task.of("t2", "weather", "weather", Map.of("city", "Oslo", "apiKey", "old-key-0123456789")));

        assertThat(registry.counter("reasoningbank.tool.failures", "tool", "weather", "kind", "AUTH").count()).isEqualTo(1.0);
        assertThat(registry.counter("reasoningbank.lessons.learned", "tool", "weather", "strategy", "ReplaceParam").count()).isEqualTo(1.0);
        assertThat(registry.counter("reasoningbank.lessons.applied", "tool", "weather", "strategy", "ReplaceParam").count()).isEqualTo(1.0);
        assertThat(registry.find("reasoningbank.reflections").tag("outcome", "lesson").counter()).isNotNull();
    }
}
