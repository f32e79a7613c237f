package dev.reasoningbank.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.store.LessonJson;
import dev.reasoningbank.examples.demo.SeedDemo;
import dev.reasoningbank.llm.FakeModelServer;
import dev.reasoningbank.llm.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code RB_LLM=ollama rbank demo --reflector llm --json} against a server speaking Ollama's /api/chat. */
class DemoWithLlmTest {

    @RegisterExtension
    FakeModelServer ollama = new FakeModelServer();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int demo(String baseUrl, Path bank) {
        return Rbank.run(new String[] {"demo", "--reflector", "llm", "--json", "--bank", bank.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", baseUrl, "OLLAMA_MODEL", "qwen2.5:3b", "RB_LLM_TIMEOUT", "5"));
    }

    static String skipAnswer(String host) {
        return Fixtures.lessonAnswer("Model says: archive host is down, skip it",
                Map.of("type", "SkipTask", "host", host, "skipForSeconds", 900),
                List.of(Map.of("parameter", "host", "op", "HOST", "value", "")), 900);
    }

    @Test
    void should_store_the_lessons_the_model_returned_after_validation_and_send_no_secret() throws Exception {
        // given a model that answers each failure with a valid lesson
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing("AUTH"))
                .willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.lessonAnswer(
                        "Model says: use the rotated weather key", "ReplaceParam", "apiKey", SeedDemo.CREDENTIAL, "SAME_VALUE")))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing("HOST_DOWN"))
                .willReturn(okJson(Fixtures.ollamaAnswer(skipAnswer("archive.weather.example")))));
        Path bank = dir.resolve("bank.json");
        // when
        int exit = demo(ollama.baseUrl(), bank);
        // then
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode result = LessonJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("attempts").findValuesAsText("outcome")).containsExactly("FAILED", "SUCCEEDED", "FAILED", "SKIPPED");
        List<Lesson> lessons = JsonFileLessonStore.open(bank).snapshot().lessons();
        assertThat(lessons).extracting(Lesson::title)
                .containsExactly("Model says: use the rotated weather key", "Model says: archive host is down, skip it");
        assertThat(lessons.get(0).strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", SeedDemo.CREDENTIAL));
        assertThat(lessons.get(1).strategy()).isEqualTo(new Strategy.SkipTask("archive.weather.example", Duration.ofSeconds(900)));
        assertThat(lessons).allSatisfy(l -> assertThat(l.provenance().reflector()).startsWith("llm:ollama/"));
        // one reflection call per distinct failure, each carrying the schema and no secret
        List<String> requests = ollama.requestBodies();
        assertThat(requests).hasSize(2);
        for (String body : requests) {
            JsonNode json = Fixtures.parse(body);
            assertThat(json.at("/format/properties/strategy").isMissingNode()).isFalse();
            assertThat(body).contains("ReplaceParam", "SkipTask", "[REDACTED:")
                    .doesNotContain(SeedDemo.EXPIRED_KEY).doesNotContain(SeedDemo.VALID_KEY);
        }
        assertThat(result.get("llm").get("calls").asInt()).isEqualTo(2);
        assertThat(result.get("llm").get("fallbacks").asInt()).isZero();
    }

    @Test
    void should_complete_the_four_attempts_with_the_rules_and_one_warning_when_ollama_is_unreachable() throws Exception {
        int exit = demo("http://127.0.0.1:" + FakeModelServer.closedPort(), dir.resolve("bank.json"));
        assertThat(exit).isZero();
        JsonNode result = LessonJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("attempts").findValuesAsText("outcome")).containsExactly("FAILED", "SUCCEEDED", "FAILED", "SKIPPED");
        assertThat(result.get("lessonsInBank").asInt()).isEqualTo(2);
        assertThat(result.get("llm").get("fallbacks").asInt()).isEqualTo(2);
    }

    @Test
    void should_use_a_prompts_directory_given_on_the_command_line() throws Exception {
        // given a directory that overrides the failure prompt with a marker
        Path prompts = dir.resolve("prompts");
        java.nio.file.Files.createDirectories(prompts);
        String original = new String(getClass().getResourceAsStream("/prompts/reflect-failure.txt").readAllBytes(), StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(prompts.resolve("reflect-failure.txt"), original.replace("[user]", "[user]\nEXPERIMENT-B"));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.format"))
                .willReturn(okJson(Fixtures.ollamaAnswer(Fixtures.lessonAnswer(
                        "Model says: use the rotated weather key", "ReplaceParam", "apiKey", SeedDemo.CREDENTIAL, "SAME_VALUE")))));
        // when
        int exit = Rbank.run(new String[] {"demo", "--reflector", "llm", "--json", "--bank", dir.resolve("b.json").toString(),
                        "--prompts", prompts.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", ollama.baseUrl()));
        // then
        assertThat(exit).isZero();
        assertThat(ollama.request(1)).contains("EXPERIMENT-B");
    }
}
