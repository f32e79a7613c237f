package dev.reasoningbank.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.agent.LearningLoop;
import dev.reasoningbank.core.agent.Plan;
import dev.reasoningbank.core.agent.PlanRunner;
import dev.reasoningbank.core.agent.Outcome;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.agent.TaskResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.examples.demo.FlakyWeatherApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it in any agent" snippet, compiled and run as written against a real local API that
 * rejects an expired key: the README's block must be the tagged lines below, character for character.
 */
class ReadmeAnyAgentTest {

    private static final String EXPIRED_KEY = "wk-expired-4f9c2a7e1b";
    private static final String VALID_KEY = "wk-live-8d3e6b0c5a";

    @TempDir
    Path dir;

    @Test
    void the_readme_shows_exactly_the_snippet_this_test_runs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/reasoningbank/examples/readme/ReadmeAnyAgentTest.java"), StandardCharsets.UTF_8);
        String snippet = Snippets.tagged(source, "any-agent");
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(Snippets.javaBlocks(readme)).contains(snippet);
    }

    @Test
    void a_plain_tool_learns_to_replace_its_rejected_key() throws Exception {
        try (FlakyWeatherApi api = FlakyWeatherApi.start(VALID_KEY)) {
            String weatherApi = "http://127.0.0.1:" + api.port();
            TaskResult first = run(dir.resolve("bank.json"), weatherApi, EXPIRED_KEY, VALID_KEY);
            TaskResult afterRestart = run(dir.resolve("bank.json"), weatherApi, EXPIRED_KEY, VALID_KEY);

            assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(first.lastFailure().orElseThrow().message()).doesNotContain(EXPIRED_KEY).contains("has expired");
            assertThat(afterRestart.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(afterRestart.lessonsApplied()).hasSize(1);
            assertThat(Files.readString(dir.resolve("bank.json"))).contains("ReplaceParam").doesNotContain(EXPIRED_KEY);
        }
    }

    @Test
    void the_readme_shows_exactly_the_step_snippet_this_test_runs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/reasoningbank/examples/readme/ReadmeAnyAgentTest.java"), StandardCharsets.UTF_8);
        assertThat(Snippets.javaBlocks(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8)))
                .contains(Snippets.tagged(source, "steps"));
    }

    @Test
    void a_custom_agent_learns_with_the_steps() throws Exception {
        try (FlakyWeatherApi api = FlakyWeatherApi.start(VALID_KEY)) {
            ReasoningBank bank = ReasoningBank.inMemory();
            Tool weather = Tool.of("weather", List.of("baseUrl", "city", "apiKey"), args -> {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(args.get("baseUrl") + "/v1/weather?city=" + args.get("city")))
                        .header("X-Api-Key", String.valueOf(args.get("apiKey"))).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 400) {
                    throw new IOException("weather API answered " + response.statusCode() + ": " + response.body());
                }
                return response.body();
            });
            ToolCall call = ToolCall.of("weather", Map.of("baseUrl", "http://127.0.0.1:" + api.port(), "city", "Oslo", "apiKey", EXPIRED_KEY));
            PlanRunner.Run first = step(bank, weather, call, VALID_KEY);
            PlanRunner.Run second = step(bank, weather, call, VALID_KEY);

            assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(second.outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
    }

    private static PlanRunner.Run step(ReasoningBank bank, Tool weather, ToolCall call, String freshKey) throws Exception {
        // tag::steps[]
        LearningLoop loop = LearningLoop.builder()
                .bank(bank)
                .reflector(RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").build())
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", freshKey)))
                .build();

        Plan plan = loop.plan(call, "weather in Oslo", name -> name.equals("weather"));
        PlanRunner.Run run = loop.execute("step-1", plan, planned -> weather.invoke(new HashMap<>(planned.arguments())));
        if (run.outcome() == Outcome.FAILED) {
            loop.learn("step-1", run.failure(), weather.parameters(), plan.applied());
        }
        // end::steps[]
        return run;
    }

    private static TaskResult run(Path bankFile, String weatherApi, String configuredKey, String freshKey) throws Exception {
        // tag::any-agent[]
        HttpClient http = HttpClient.newHttpClient();
        Tool weather = Tool.of("weather", List.of("baseUrl", "city", "apiKey"), args -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(args.get("baseUrl") + "/v1/weather?city=" + args.get("city")))
                    .header("X-Api-Key", String.valueOf(args.get("apiKey")))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IOException("weather API answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        });

        ReasoningBank bank = ReasoningBank.builder()
                .store(JsonFileLessonStore.open(bankFile))           // e.g. Path.of("bank.json")
                .build();

        LearningAgent agent = LearningAgent.builder()
                .bank(bank)
                .tool(weather)
                .reflector(RuleBasedReflector.builder()
                        .credential("apiKey", "weather.apiKey")      // a rejected apiKey: take it from this source
                        .build())
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", freshKey)))
                .listener(event -> System.out.println(event))       // every phase, as a sentence
                .build();

        TaskResult result = agent.run(Task.of("t1", "weather in Oslo", "weather",
                Map.of("baseUrl", weatherApi, "city", "Oslo", "apiKey", configuredKey)));
        // end::any-agent[]
        bank.close();
        return result;
    }
}
