package dev.reasoningbank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.Feedback;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.testing.Lessons;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rbank bank copy}: a JSON bank into a real PostgreSQL and back, lessons as they are. */
class BankCopyTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private String rbank(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Rbank.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("RB_BANK", dir.resolve("default.json").toString(), "PGUSER", "postgres", "RB_PG_BANK", "team"));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_json_bank_goes_into_postgresql_and_back_as_it_is() {
        Path file = dir.resolve("bank.json");
        try (ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(file)).build()) {
            Lesson key = bank.memorize(Lessons.replaceKey("weather", "expired-key-123")).lesson();
            bank.memorize(Lessons.advice("calendar", "date"));
            bank.recordApplied(key.id());
            bank.feedback(key.id(), Feedback.HELPED);
            bank.trust(key.id());
        }
        String url = postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*", "");

        String into = rbank("bank", "copy", url, "--bank", file.toString());
        String back = rbank("bank", "copy", dir.resolve("back.json").toString(), "--bank", url);

        assertThat(into).startsWith("Copied 2 lessons from file " + file).contains("postgresql").doesNotContain("password");
        assertThat(back).startsWith("Copied 2 lessons from ");
        List<Lesson> original = JsonFileLessonStore.open(file).snapshot().lessons();
        List<Lesson> roundTrip = JsonFileLessonStore.open(dir.resolve("back.json")).snapshot().lessons();
        assertThat(roundTrip).containsExactlyInAnyOrderElementsOf(original);
        assertThat(rbank("bank", "list", "--bank", url)).contains("TRUSTED");
    }
}
