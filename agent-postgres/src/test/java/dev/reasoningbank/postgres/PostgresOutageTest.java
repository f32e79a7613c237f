package dev.reasoningbank.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.testing.Lessons;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database goes away and comes back; or is not there at all. */
class PostgresOutageTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @Test
    void should_serve_its_last_lessons_while_the_database_is_away_and_lose_no_acknowledged_write() throws Exception {
        // given two processes on one bank, one of them writing lessons all the time
        try (PostgresLessonStore store = PostgresLessonStore.open(DATABASE.dataSource(), "outage");
                PostgresLessonStore other = PostgresLessonStore.open(DATABASE.dataSource(), "outage")) {
            Lesson first = Lessons.advice("weather", "first");
            store.update(set -> { set.put(first); return null; });
            PostgresLessonStoreTest.awaitRevision(other, 1); // the other process has read it
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            acknowledged.add(first.id());
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger refused = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    Lesson lesson = Lessons.advice("weather", "w" + i);
                    try {
                        store.update(set -> { set.put(lesson); return null; });
                        acknowledged.add(lesson.id()); // update() returned: it must survive anything
                    } catch (PostgresBankException e) {
                        refused.incrementAndGet();
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "writer");
            writer.start();
            awaitTrue(() -> acknowledged.size() > 20, "some lessons written before the outage");

            // when the database goes away
            DATABASE.stop();
            Set<String> beforeOutage = Set.copyOf(acknowledged);

            // then snapshot() keeps serving the last lessons, without waiting for the database each time
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertThat(store.snapshot().lessons()).extracting(Lesson::id).containsAll(beforeOutage);
                assertThat(other.snapshot().lessons()).extracting(Lesson::id).contains(first.id());
            }
            System.out.printf("100 snapshot() calls with the database away took %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            // and update() says clearly that the change was not stored
            Lesson duringOutage = Lessons.advice("weather", "during the outage");
            assertThatThrownBy(() -> other.update(set -> { set.put(duringOutage); return null; }))
                    .isInstanceOf(PostgresBankException.class)
                    .hasMessageStartingWith("PostgreSQL bank 'outage' at jdbc:postgresql://localhost:" + DATABASE.port() + "/postgres")
                    .hasMessageContaining("cannot be updated")
                    .hasMessageContaining("The change was not stored")
                    .hasMessageContaining("Check that PostgreSQL is running")
                    .satisfies(e -> System.out.println("update() while the database is away: " + e.getMessage()));
            awaitTrue(() -> refused.get() > 0, "the writer's updates are refused");

            // when it comes back (same data folder, same port)
            DATABASE.start();

            // then both processes work again by themselves, and every acknowledged lesson is there
            awaitTrue(() -> acknowledged.size() > beforeOutage.size() + 10, "the writer writes again");
            writing.set(false);
            writer.join(TimeUnit.SECONDS.toMillis(60));
            other.update(set -> { set.put(duringOutage); return null; });
            long revision = other.snapshot().revision();
            assertThat(PostgresLessonStoreTest.awaitRevision(store, revision).lessons()).extracting(Lesson::id)
                    .containsAll(acknowledged).contains(duringOutage.id());
            try (PostgresLessonStore fresh = PostgresLessonStore.open(DATABASE.dataSource(), "outage")) {
                assertThat(fresh.snapshot().lessons()).extracting(Lesson::id).containsAll(acknowledged);
                assertThat(fresh.snapshot().lessons()).isEqualTo(store.snapshot().lessons());
            }
            awaitTrue(store::listening, "the listener is back");
            awaitTrue(other::listening, "the other listener is back");
            System.out.printf("outage: %d lessons acknowledged, %d updates refused while the database was away%n",
                    acknowledged.size(), refused.get());
        }
    }

    @AfterEach
    void restart_the_database_if_a_test_left_it_stopped() throws IOException {
        DATABASE.ensureRunning();
    }

    @Test
    void should_not_store_nor_run_again_a_change_whose_connection_broke() throws Exception {
        // given a store whose connection the server ends while a transaction runs
        try (PostgresLessonStore store = PostgresLessonStore.open(DATABASE.dataSource(), "broken")) {
            Lesson lesson = Lessons.advice("weather", "date");
            AtomicInteger runs = new AtomicInteger();
            // when
            assertThatThrownBy(() -> store.update(set -> {
                runs.incrementAndGet();
                terminateIdleTransactions();
                set.put(lesson);
                return null;
            }))
                    // then the change is not stored, the transaction ran once, and the message says so
                    .isInstanceOf(PostgresBankException.class)
                    .hasMessageContaining("cannot be updated: the server ended the connection")
                    .hasMessageContaining("The change was not stored");
            assertThat(runs).hasValue(1);
            try (PostgresLessonStore fresh = PostgresLessonStore.open(DATABASE.dataSource(), "broken")) {
                assertThat(fresh.snapshot().lessons()).isEmpty();
            }
            // and the next update takes a new connection
            store.update(set -> { set.put(lesson); return null; });
            assertThat(store.snapshot().lessons()).containsExactly(lesson);
        }
    }

    /** Ends the sessions that are inside a transaction (the store's, holding the bank's lock), as a failover would. */
    private static void terminateIdleTransactions() {
        try {
            DATABASE.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction'");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (java.sql.Connection c = DATABASE.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                        java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_say_which_database_is_unreachable_and_what_to_check() throws Exception {
        int port = freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/agents";
        assertThatThrownBy(() -> PostgresLessonStore.open(url, "agent", "s3cret-pw", "fleet"))
                .isInstanceOf(PostgresBankException.class)
                .hasMessageStartingWith("PostgreSQL bank 'fleet' at " + url + " cannot be opened: the server cannot be reached")
                .hasMessageContaining("Check that PostgreSQL is running and accepts TCP connections at this host and port")
                .hasMessageNotContaining("s3cret-pw")
                .satisfies(e -> System.out.println("open() of an unreachable database: " + e.getMessage()));
        assertThatThrownBy(() -> PostgresLessonStore.open(url + "?user=agent&password=s3cret-pw", null, null, "fleet"))
                .isInstanceOf(PostgresBankException.class)
                .hasMessageStartingWith("PostgreSQL bank 'fleet' at " + url + "?user=agent&password=*** cannot be opened")
                .hasMessageNotContaining("s3cret-pw")
                .extracting(e -> ((PostgresBankException) e).url()).isEqualTo(url + "?user=agent&password=***");
    }

    @Test
    void should_say_that_the_database_does_not_exist() {
        String url = DATABASE.jdbcUrl("agents");
        assertThatThrownBy(() -> PostgresLessonStore.open(url, "postgres", "pw", "fleet"))
                .isInstanceOf(PostgresBankException.class)
                .hasMessageStartingWith("PostgreSQL bank 'fleet' at " + url + " cannot be opened: the database does not exist")
                .hasMessageContaining("Create the database (CREATE DATABASE ...) or fix its name in the URL.")
                .satisfies(e -> System.out.println("open() of a missing database: " + e.getMessage()));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
