package dev.reasoningbank.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL 17 (zonky's embedded binaries) started once for a test class, with a data
 * folder and port of its own that survive {@link #stop()}, so that a test can take the database away
 * and {@link #start()} it again with every committed row.
 *
 * <pre>{@code @RegisterExtension static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();}</pre>
 */
final class EmbeddedDatabase implements BeforeAllCallback, AfterAllCallback {

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDirectory = Files.createTempDirectory("pg-data-"); // java.io.tmpdir is target/ in the build
        port = freePort();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Starts the server on the same folder and port as before: every committed row is there. */
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120)) // a busy 2-core machine
                .setServerConfig("synchronous_commit", "on") // as in production: a commit that returned is on disk
                .start();
    }

    /** Starts the server if a test stopped it (and failed before starting it again). */
    void ensureRunning() throws IOException {
        if (postgres == null) {
            start();
        }
    }

    /** Stops the server (a fast shutdown: sessions are ended, committed data is kept). */
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    int port() {
        return port;
    }

    /** A data source of its own, as another process would have: {@code postgres} database, {@code postgres} user. */
    DataSource dataSource() {
        return dataSource("postgres");
    }

    DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser("postgres");
        return dataSource;
    }

    String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Runs SQL as the superuser on the {@code postgres} database. */
    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
