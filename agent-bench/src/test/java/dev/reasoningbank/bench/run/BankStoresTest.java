package dev.reasoningbank.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.Registry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FlakyBench's bank policies on each store a user would run them on: in memory, in a bank file with its
 * journal, and in a real PostgreSQL (zonky's embedded binaries). The store changes what a memorize costs,
 * never what is learned.
 */
class BankStoresTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static PolicyResult bank(String store) {
        BenchConfig config = BenchConfig.reference().withTasks(120).withPolicies(List.of("bank")).withWarmupTasks(0).withStore(store);
        return new BenchRunner(config, Registry.standard(Map.of()), ProgressListener.SILENT).run().policies().get(0);
    }

    @Test
    void the_same_stream_learns_the_same_on_memory_a_bank_file_and_postgresql() throws Exception {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = banksIn(folder);
        String url = postgres.getJdbcUrl("postgres", "postgres");

        PolicyResult memory = bank("memory");
        PolicyResult file = bank("file");
        PolicyResult database = bank(url);

        for (PolicyResult stored : List.of(file, database)) {
            assertThat(stored.successRate()).isEqualTo(memory.successRate());
            assertThat(stored.repeatedMistakes()).isEqualTo(memory.repeatedMistakes());
            assertThat(stored.failedCalls()).isEqualTo(memory.failedCalls());
            assertThat(stored.lessons()).isEqualTo(memory.lessons()).isPositive();
        }
        // the file bank was written and then removed; the PostgreSQL bank holds rows, all of them emptied at the end
        assertThat(banksIn(folder)).isEqualTo(before);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*), count(document) FROM reasoningbank_lessons WHERE bank LIKE 'flakybench-bank-%'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("lessons written to PostgreSQL").isGreaterThanOrEqualTo(memory.lessons());
            assertThat(rows.getInt(2)).as("lessons left after the run").isZero();
        }
    }

    @Test
    void a_store_that_is_none_of_them_is_refused_with_the_choices() {
        assertThatThrownBy(() -> BenchConfig.reference().withStore("sqlite"))
                .hasMessage("the bank store must be 'memory', 'file' or a PostgreSQL URL (jdbc:postgresql://host/db) but was 'sqlite'");
    }

    private static List<Path> banksIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("flakybench-")).sorted().toList();
        }
    }
}
