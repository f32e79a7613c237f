package dev.reasoningbank.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A custom agent of its own that drives the loop step by step, as the class documentation shows. */
class LearningLoopTest {

    private final Tool weather = Tool.of("weather", List.of("city", "apiKey"), args -> {
        if (!"fresh".equals(args.get("apiKey"))) {
            throw ToolException.http(401, "API key has expired", "api.weather.example");
        }
        return "sunny in " + args.get("city");
    });

    @Test
    void a_custom_agent_plans_executes_and_learns_with_the_steps_and_each_event_comes_once() {
        List<AgentEvent> events = new ArrayList<>();
        LearningLoop loop = LearningLoop.builder().bank(ReasoningBank.inMemory())
                .reflector(RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").build())
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", "fresh")))
                .events(events::add)
                .build();
        List<PlanRunner.Run> runs = new ArrayList<>();
        for (String task : List.of("t1", "t2")) {
            ToolCall call = ToolCall.of("weather", Map.of("city", "Oslo", "apiKey", "expired"));
            Plan plan = loop.plan(call, "weather in Oslo", "weather"::equals);
            PlanRunner.Run run = loop.execute(task, plan, planned -> weather.invoke(new java.util.HashMap<>(planned.arguments())));
            if (run.outcome() == Outcome.FAILED) {
                loop.learn(task, run.failure(), weather.parameters(), plan.applied());
            }
            runs.add(run);
        }

        assertThat(runs).extracting(PlanRunner.Run::outcome).containsExactly(Outcome.FAILED, Outcome.SUCCEEDED);
        assertThat(runs.get(1).value()).isEqualTo("sunny in Oslo");
        assertThat(loop.bank().lessons()).singleElement().extracting(l -> l.strategy())
                .isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Failed).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Applied).hasSize(1);
    }
}
