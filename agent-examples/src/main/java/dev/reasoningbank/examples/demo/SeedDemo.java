package dev.reasoningbank.examples.demo;

import dev.reasoningbank.core.agent.AgentListener;
import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.agent.TaskResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The seed story: an agent with an expired API key and a flaky weather API.
 *
 * <ol>
 *   <li>weather in Paris with the expired key: fails; a ReplaceParam lesson is learned;
 *   <li>the same task: the lesson puts the valid key from the credential source in; it succeeds;
 *   <li>weather in Oslo from the archive host, which is down: fails; a SkipTask lesson is learned;
 *   <li>the same task: skipped without calling the host.
 * </ol>
 *
 * Run it again on the same bank and attempts 1 and 3 use what was learned: no mistake at all.
 */
public final class SeedDemo {

    /** The key the agent was configured with; the API rejects it and echoes it back. */
    public static final String EXPIRED_KEY = "wk-expired-4f9c2a7e1b";
    /** The key the credential source holds. */
    public static final String VALID_KEY = "wk-live-8d3e6b0c5a";
    /** The key of the credential source that ReplaceParam lessons name. */
    public static final String CREDENTIAL = "weather.apiKey";

    /** One attempt of the story. */
    public record Attempt(int attempt, String task, String outcome, String lessonApplied, String lessonLearned) {}

    private SeedDemo() {}

    /** The reflector the demo uses by default: rules that know where the weather key comes from. */
    public static RuleBasedReflector rules() {
        return RuleBasedReflector.builder()
                .credential("apiKey", CREDENTIAL)
                .skipFor(Duration.ofHours(1))
                .build();
    }

    /** Runs the four attempts against {@code bank}, telling {@code listener} every phase. */
    public static List<Attempt> run(ReasoningBank bank, Reflector reflector, AgentListener listener,
            Consumer<Task> onAttemptStart) throws IOException {
        try (FlakyWeatherApi api = FlakyWeatherApi.start(VALID_KEY)) {
            LearningAgent agent = LearningAgent.builder()
                    .bank(bank)
                    .reflector(reflector)
                    .tool(new WeatherTool(api::resolve))
                    .parameterSource(ParameterSource.of(Map.of(CREDENTIAL, VALID_KEY)))
                    .listener(listener)
                    .build();
            List<Task> tasks = List.of(
                    weather("1", "Paris", FlakyWeatherApi.API_HOST),
                    weather("2", "Paris", FlakyWeatherApi.API_HOST),
                    weather("3", "Oslo", FlakyWeatherApi.ARCHIVE_HOST),
                    weather("4", "Oslo", FlakyWeatherApi.ARCHIVE_HOST));
            List<Attempt> attempts = new ArrayList<>();
            for (Task task : tasks) {
                onAttemptStart.accept(task);
                TaskResult result = agent.run(task);
                attempts.add(new Attempt(
                        attempts.size() + 1,
                        task.description(),
                        result.outcome().name(),
                        result.lessonsApplied().isEmpty() ? null : result.lessonsApplied().get(0),
                        result.lessonLearned()));
            }
            bank.flush();
            return attempts;
        }
    }

    private static Task weather(String id, String city, String host) {
        return Task.of(id, "weather in " + city + " from " + host, "weather",
                Map.of("host", host, "city", city, "apiKey", EXPIRED_KEY));
    }
}
