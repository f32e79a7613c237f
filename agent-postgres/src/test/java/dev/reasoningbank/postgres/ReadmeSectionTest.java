package dev.reasoningbank.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.LessonStore;
import dev.reasoningbank.core.testing.Lessons;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's PostgreSQL blocks are the tagged regions below, and they run against a real PostgreSQL. */
class ReadmeSectionTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @Test
    void a_fleet_shares_one_bank_by_its_name() throws Exception {
        String jdbcUrl = DATABASE.jdbcUrl();
        String user = "postgres";
        String password = "";
        DataSource dataSource = DATABASE.dataSource();
        Lesson lesson = Lessons.advice("weather", "date");

        // tag::postgres-url[]
        ReasoningBank bank = ReasoningBank.builder()
                .store(PostgresLessonStore.open(jdbcUrl, user, password, "support-agents"))   // e.g. jdbc:postgresql://db.example.com:5432/agents
                .build();
        // end::postgres-url[]
        // tag::postgres-datasource[]
        LessonStore store = PostgresLessonStore.open(dataSource, "support-agents");   // your pool (HikariCP, ...) or the driver's PGSimpleDataSource
        // end::postgres-datasource[]

        try (bank; store) {
            assertThat(bank.memorize(lesson).lesson().id()).isEqualTo(lesson.id());
            assertThat(PostgresLessonStoreTest.awaitRevision(store, 1).find(lesson.id())).isPresent();
        }
    }

    @Test
    void the_readme_shows_exactly_the_regions_this_test_runs() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/reasoningbank/postgres/ReadmeSectionTest.java"), StandardCharsets.UTF_8);
        List<String> regions = new ArrayList<>();
        Matcher tag = Pattern.compile("// tag::([a-z0-9-]+)\\[\\]").matcher(source);
        while (tag.find()) {
            regions.add(tagged(source, tag.group(1)));
        }
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```java\\n(.*?)```").matcher(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8));
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(regions).isNotEmpty();
        assertThat(blocks).containsAll(regions);
    }

    private static String tagged(String source, String name) {
        int from = source.indexOf("// tag::" + name + "[]");
        int to = source.indexOf("// end::" + name + "[]");
        return source.substring(source.indexOf('\n', from) + 1, source.lastIndexOf('\n', to)).stripIndent() + "\n";
    }
}
