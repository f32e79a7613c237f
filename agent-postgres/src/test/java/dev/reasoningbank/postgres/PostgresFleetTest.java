package dev.reasoningbank.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.testing.Lessons;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three processes on one bank: how soon a lesson one of them learns is seen by the others. */
class PostgresFleetTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private static final int ROUNDS = 50;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void should_show_a_lesson_one_instance_learned_to_the_others_within_a_second() throws Exception {
        // given three stores on one bank, each with a data source (and connections) of its own
        List<PostgresLessonStore> fleet = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fleet.add(PostgresLessonStore.open(DATABASE.dataSource(), "fleet"));
        }
        try {
            List<Long> delays = new ArrayList<>();
            // when each round one of them learns a lesson (round 0 warms up and is not counted)
            for (int round = 0; round <= ROUNDS; round++) {
                PostgresLessonStore learner = fleet.get(round % fleet.size());
                Lesson lesson = Lessons.advice("fleet", "round " + round);
                learner.update(set -> { set.put(lesson); return null; });
                long learned = System.nanoTime();
                assertThat(learner.snapshot().find(lesson.id())).as("its own lesson, at once").contains(lesson);
                // then each other one's snapshot() has it soon: polled every millisecond or so, up to 10 s
                List<PostgresLessonStore> waiting = new ArrayList<>(fleet);
                waiting.remove(learner);
                while (!waiting.isEmpty() && System.nanoTime() - learned < GIVE_UP_NANOS) {
                    for (PostgresLessonStore other : List.copyOf(waiting)) {
                        if (other.snapshot().find(lesson.id()).isPresent()) {
                            waiting.remove(other);
                            if (round > 0) {
                                delays.add(System.nanoTime() - learned);
                            }
                        }
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                assertThat(waiting).as("instances that did not see round %d within 10 s", round).isEmpty();
            }
            delays.sort(null);
            long p50 = percentile(delays, 50);
            long p99 = percentile(delays, 99);
            System.out.printf("Fleet of 3 on one bank, %d rounds, %d observations: update() returned -> other instance's"
                    + " snapshot() has the lesson: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ROUNDS, delays.size(), p50 / 1e6, p99 / 1e6, delays.get(delays.size() - 1) / 1e6);
            assertThat(delays).hasSize(ROUNDS * 2);
            assertThat(p99).as("p99 in nanoseconds").isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            for (PostgresLessonStore store : fleet) {
                assertThat(store.snapshot().lessons()).hasSize(ROUNDS + 1);
            }
        } finally {
            fleet.forEach(PostgresLessonStore::close);
        }
    }

    @Test
    void should_see_other_processes_lessons_while_its_listener_reconnects() throws Exception {
        // given two stores on one bank
        try (PostgresLessonStore writer = PostgresLessonStore.open(DATABASE.dataSource(), "reconnect");
                PostgresLessonStore reader = PostgresLessonStore.open(DATABASE.dataSource(), "reconnect")) {
            assertThat(reader.listening()).isTrue();
            // when every LISTEN connection is cut by the server
            try (Connection c = DATABASE.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            + " WHERE application_name = '" + BankListener.APPLICATION_NAME + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("listeners cut").isGreaterThanOrEqualTo(2);
            }
            awaitTrue(() -> !reader.listening(), "the reader notices it is not listening");
            // then a lesson learned meanwhile is seen (snapshot() asks the database while the listener is away)
            Lesson lesson = Lessons.advice("weather", "while reconnecting");
            writer.update(set -> { set.put(lesson); return null; });
            assertThat(PostgresLessonStoreTest.awaitRevision(reader, writer.snapshot().revision()).find(lesson.id())).contains(lesson);
            // and the listener comes back, and notifications work again
            awaitTrue(reader::listening, "the reader listens again");
            Lesson later = Lessons.advice("weather", "after reconnecting");
            writer.update(set -> { set.put(later); return null; });
            assertThat(PostgresLessonStoreTest.awaitRevision(reader, writer.snapshot().revision()).find(later.id())).contains(later);
        }
    }

    @Test
    void should_stop_its_listener_thread_on_close() throws Exception {
        PostgresLessonStore store = PostgresLessonStore.open(DATABASE.dataSource(), "closing");
        assertThat(listenerThreads("closing")).hasSize(1);
        store.close();
        assertThat(listenerThreads("closing")).isEmpty();
    }

    private static List<Thread> listenerThreads(String bank) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("reasoningbank-postgres-listener[" + bank + "]") && t.isAlive())
                .toList();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
