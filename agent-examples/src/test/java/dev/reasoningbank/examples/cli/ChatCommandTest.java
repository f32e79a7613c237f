package dev.reasoningbank.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.examples.demo.SeedDemo;
import dev.reasoningbank.llm.FakeModelServer;
import dev.reasoningbank.llm.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rbank chat} against scripted model turns over Ollama's wire format. */
class ChatCommandTest {

    @RegisterExtension
    FakeModelServer ollama = new FakeModelServer();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int chat(Map<String, String> env, String... say) {
        List<String> args = new ArrayList<>(List.of("chat", "--bank", dir.resolve("bank.json").toString()));
        for (String line : say) {
            args.add("--say");
            args.add(line);
        }
        return Rbank.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    /** The chat turns of the model, in order; reflection requests (they carry a format) are answered apart. */
    private void script(String... turns) {
        for (int i = 0; i < turns.length; i++) {
            MappingBuilder turn = post(urlEqualTo("/api/chat")).inScenario("chat")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn " + i)
                    .willReturn(okJson(turns[i])).willSetStateTo("turn " + (i + 1));
            ollama.stubFor(turn);
        }
        ollama.stubFor(post(urlEqualTo("/api/chat")).atPriority(1).withRequestBody(matchingJsonPath("$.format"))
                .willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.lessonAnswer(
                        "Use the rotated weather key", "ReplaceParam", "apiKey", SeedDemo.CREDENTIAL, "SAME_VALUE")))));
    }

    @Test
    void should_explain_what_to_set_when_no_model_is_configured() {
        int exit = chat(Map.of("RB_BANK", dir.resolve("b.json").toString()), "hello");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("RB_LLM=ollama", "ollama pull", "OPENAI_API_KEY", "OPENAI_BASE_URL");
    }

    @Test
    void should_learn_in_one_conversation_and_use_the_lesson_in_the_next() {
        // given
        Map<String, Object> expiredCall = Map.of("host", "api.weather.example", "city", "Paris", "apiKey", SeedDemo.EXPIRED_KEY);
        script(
                Fixtures.ollamaToolCall("weather", expiredCall),
                Fixtures.ollamaAnswer("Sorry, the weather key was rejected."),
                Fixtures.ollamaToolCall("weather", expiredCall),
                Fixtures.ollamaAnswer("It is cloudy in Paris."));
        // when
        int exit = chat(Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", ollama.baseUrl()),
                "weather in Paris?", "/new", "and now?", "/lessons");
        // then
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output).contains("agent> Sorry, the weather key was rejected.", "agent> It is cloudy in Paris.", "[applied]");
        List<Lesson> lessons = JsonFileLessonStore.open(dir.resolve("bank.json")).snapshot().lessons();
        assertThat(lessons).singleElement().satisfies(l -> {
            assertThat(l.title()).isEqualTo("Use the rotated weather key");
            assertThat(l.stats().helped()).isEqualTo(1);
        });
        // the second conversation's first request already shows the lesson, as data
        List<String> chatTurns = ollama.requestBodies().stream().filter(b -> !b.isEmpty() && !b.contains("\"format\"")).toList();
        assertThat(chatTurns).hasSize(4);
        assertThat(chatTurns.get(0)).doesNotContain("Use the rotated weather key");
        assertThat(chatTurns.get(2)).contains("<lessons>", "Use the rotated weather key");
        assertThat(String.join("\n", ollama.requestBodies())).doesNotContain(SeedDemo.VALID_KEY);
    }

    @Test
    void should_say_the_model_is_unreachable_at_start_up_without_java_internals() throws Exception {
        int exit = chat(Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", "http://127.0.0.1:" + FakeModelServer.closedPort()), "hello");
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(error).contains("the model is not available", "127.0.0.1").doesNotContain("null").doesNotContain("java.")
                .doesNotContain("Exception");
    }

    @Test
    void should_name_the_pull_command_when_ollama_lacks_the_model() {
        ollama.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/tags"))
                .willReturn(okJson("{\"models\":[{\"name\":\"llama3.1:8b\"}]}")));
        int exit = chat(Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", ollama.baseUrl(), "OLLAMA_MODEL", "qwen2.5:3b"), "hello");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ollama pull qwen2.5:3b");
    }

    @Test
    void should_keep_the_session_when_the_model_fails_mid_chat() {
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(500).withBody("{\"error\":\"model runner has unexpectedly stopped\"}")));
        int exit = chat(Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", ollama.baseUrl()), "weather in Paris?", "/lessons");
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output).contains("agent> (no answer:").contains("you> /lessons").doesNotContain("null");
    }
}
