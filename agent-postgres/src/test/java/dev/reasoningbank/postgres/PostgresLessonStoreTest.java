package dev.reasoningbank.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.store.BankSnapshot;
import dev.reasoningbank.core.store.LessonStore;
import dev.reasoningbank.core.testing.LessonStoreContract;
import dev.reasoningbank.core.testing.Lessons;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a real PostgreSQL, each test on a fresh bank, plus what only a database store does. */
class PostgresLessonStoreTest extends LessonStoreContract {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private static final AtomicInteger BANKS = new AtomicInteger();

    private final String bank = "bank-" + BANKS.incrementAndGet();

    @Override
    protected LessonStore newStore() {
        return PostgresLessonStore.open(DATABASE.dataSource(), bank);
    }

    /** Another store on the same bank, with a data source of its own: another process, as far as the database can tell. */
    private PostgresLessonStore another() throws Exception {
        return (PostgresLessonStore) store();
    }

    private static void put(LessonStore store, Lesson lesson) {
        store.update(set -> { set.put(lesson); return null; });
    }

    @Test
    void should_keep_the_unknown_fields_of_a_lesson() throws Exception {
        // given a lesson with fields a newer version wrote
        LessonStore writer = store();
        Lesson lesson = Lessons.advice("weather", "date").toBuilder()
                .extensions(Map.of("reviewedBy", "ops", "score", Map.of("value", 3, "scale", List.of(1, 5))))
                .build();
        put(writer, lesson);
        // when another process reads it
        Lesson read = another().snapshot().find(lesson.id()).orElseThrow();
        // then
        assertThat(read).isEqualTo(lesson);
        assertThat(read.extensions()).containsEntry("reviewedBy", "ops");
    }

    @Test
    void should_keep_a_field_added_in_the_database_when_the_lesson_changes() throws Exception {
        // given a field added to the document by hand (or by a newer version)
        Lesson lesson = Lessons.advice("weather", "date");
        put(store(), lesson);
        DATABASE.execute("UPDATE reasoningbank_lessons SET document = document || '{\"owner\": {\"team\": \"search\"}}'"
                + " WHERE bank = '" + bank + "' AND id = '" + lesson.id() + "'");
        // when a store reads it and changes the lesson
        LessonStore store = another();
        Lesson read = store.snapshot().find(lesson.id()).orElseThrow();
        assertThat(read.extensions()).containsEntry("owner", Map.of("team", "search"));
        store.update(set -> { set.put(read.withStatus(LessonStatus.TRUSTED)); return null; });
        // then the field is still in the row
        try (Connection c = DATABASE.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT document->'owner'->>'team', document->>'status' FROM reasoningbank_lessons"
                        + " WHERE bank = '" + bank + "' AND id = '" + lesson.id() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("search");
            assertThat(rs.getString(2)).isEqualTo("TRUSTED");
        }
    }

    @Test
    void should_keep_banks_of_one_database_apart() throws Exception {
        LessonStore mine = store();
        try (PostgresLessonStore theirs = PostgresLessonStore.open(DATABASE.dataSource(), bank + "-other team")) {
            put(mine, Lessons.advice("weather", "mine"));
            put(theirs, Lessons.advice("weather", "theirs"));
            assertThat(mine.snapshot().lessons()).extracting(Lesson::title).containsExactly("Advice mine");
            assertThat(theirs.snapshot().lessons()).extracting(Lesson::title).containsExactly("Advice theirs");
        }
    }

    @Test
    void should_read_only_the_rows_another_process_changed() throws Exception {
        // given a bank of 200 lessons that two processes have read
        LessonStore writer = store();
        writer.update(set -> {
            for (int i = 0; i < 200; i++) {
                set.put(Lessons.advice("tool" + i % 7, "n" + i));
            }
            return null;
        });
        PostgresLessonStore reader = another();
        assertThat(reader.snapshot().size()).isEqualTo(200);
        long before = reader.rowsRead();
        // when the writer changes one lesson, removes one and adds one
        Lesson changed = Lessons.advice("tool3", "n3").withStatus(LessonStatus.TRUSTED);
        writer.update(set -> {
            set.put(changed);
            set.remove(Lessons.advice("tool0", "n0").id());
            set.put(Lessons.advice("weather", "new"));
            return null;
        });
        // then the reader reads those three rows, and ends up with what the writer has, in the same order
        BankSnapshot seen = awaitRevision(reader, writer.snapshot().revision());
        assertThat(reader.rowsRead() - before).isEqualTo(3);
        assertThat(seen.lessons()).isEqualTo(writer.snapshot().lessons());
        assertThat(seen.find(changed.id())).contains(changed);
        assertThat(seen.lessonsOf("tool0")).extracting(Lesson::title).doesNotContain("Advice n0");
    }

    @Test
    void should_keep_one_order_when_a_removed_lesson_comes_back() throws Exception {
        LessonStore writer = store();
        Lesson first = Lessons.advice("weather", "first");
        Lesson second = Lessons.advice("weather", "second");
        writer.update(set -> { set.put(first); set.put(second); return null; });
        PostgresLessonStore reader = another();
        assertThat(reader.snapshot().lessons()).containsExactly(first, second);
        // when the first is removed and learned again (a new lesson with the old id)
        writer.update(set -> set.remove(first.id()));
        writer.update(set -> { set.put(first); return null; });
        // then every process, whether it read the changes or the whole bank, has it last
        assertThat(writer.snapshot().lessons()).containsExactly(second, first);
        assertThat(awaitRevision(reader, writer.snapshot().revision()).lessons()).containsExactly(second, first);
        assertThat(another().snapshot().lessons()).containsExactly(second, first);
    }

    @Test
    void should_read_the_whole_bank_when_the_removals_it_missed_were_pruned() throws Exception {
        // given removals are remembered for 3 revisions only, pruned at every revision
        PostgresLessonStore.Options shortMemory = new PostgresLessonStore.Options(Duration.ofMillis(200), Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5), 3, 1);
        DataSource dataSource = DATABASE.dataSource();
        try (PostgresLessonStore writer = PostgresLessonStore.open(dataSource, bank, "test", shortMemory);
                PostgresLessonStore reader = PostgresLessonStore.open(DATABASE.dataSource(), bank, "test", shortMemory)) {
            Lesson doomed = Lessons.advice("weather", "doomed");
            put(writer, doomed);
            assertThat(awaitRevision(reader, 1).lessons()).containsExactly(doomed);
            // when it is removed, then ten more revisions are written, while the reader looks away
            long seenBefore = reader.rowsRead();
            writer.update(set -> set.remove(doomed.id()));
            for (int i = 0; i < 10; i++) {
                put(writer, Lessons.advice("weather", "later" + i));
            }
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM reasoningbank_lessons WHERE bank = '" + bank + "' AND document IS NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the removal's tombstone was pruned").isZero();
            }
            // then the reader reads the whole bank, and the removed lesson is gone
            BankSnapshot seen = awaitRevision(reader, writer.snapshot().revision());
            assertThat(seen.lessons()).isEqualTo(writer.snapshot().lessons()).doesNotContain(doomed);
            assertThat(reader.rowsRead() - seenBefore).isEqualTo(10);
        }
    }

    @Test
    void should_create_the_tables_once_when_many_processes_start_at_once() throws Exception {
        // given an empty database
        String database = "fresh_" + bank.replace('-', '_');
        DATABASE.execute("CREATE DATABASE " + database);
        int processes = 8;
        CyclicBarrier start = new CyclicBarrier(processes);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        List<Future<PostgresLessonStore>> opened = new ArrayList<>();
        // when 8 stores open it at the same moment
        for (int i = 0; i < processes; i++) {
            String name = i % 2 == 0 ? "shared" : "own-" + i;
            opened.add(pool.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                return PostgresLessonStore.open(DATABASE.dataSource(database), name);
            }));
        }
        // then every one opens, and they share one bank
        List<PostgresLessonStore> stores = new ArrayList<>();
        for (Future<PostgresLessonStore> store : opened) {
            stores.add(store.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        try {
            put(stores.get(0), Lessons.advice("weather", "shared"));
            assertThat(awaitRevision(stores.get(2), 1).lessons()).extracting(Lesson::title).containsExactly("Advice shared");
            try (Connection c = DATABASE.dataSource(database).getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM reasoningbank_banks")) {
                rs.next();
                assertThat(rs.getInt(1)).as("one shared bank and four own ones").isEqualTo(1 + 4);
            }
        } finally {
            stores.forEach(PostgresLessonStore::close);
        }
    }

    @Test
    void should_refuse_tables_made_by_a_newer_version() throws Exception {
        String database = "newer_" + bank.replace('-', '_');
        DATABASE.execute("CREATE DATABASE " + database);
        PostgresLessonStore.open(DATABASE.dataSource(database), "b").close();
        try (Connection c = DATABASE.dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO reasoningbank_schema VALUES (2)");
        }
        assertThatThrownBy(() -> PostgresLessonStore.open(DATABASE.dataSource(database), "b"))
                .isInstanceOf(PostgresBankException.class)
                .hasMessageContaining("was set up by a newer version of ReasoningBank (schema version 2")
                .hasMessageContaining("Upgrade ReasoningBank");
    }

    @Test
    void should_name_a_lesson_it_cannot_read_and_how_to_remove_it() throws Exception {
        Lesson lesson = Lessons.advice("weather", "date");
        put(store(), lesson);
        DATABASE.execute("UPDATE reasoningbank_lessons SET document = document - 'trigger'"
                + " WHERE bank = '" + bank + "' AND id = '" + lesson.id() + "'");
        assertThatThrownBy(() -> PostgresLessonStore.open(DATABASE.dataSource(), bank))
                .isInstanceOf(PostgresBankException.class)
                .hasMessageContaining("PostgreSQL bank '" + bank + "' at jdbc:postgresql://localhost:" + DATABASE.port() + "/postgres")
                .hasMessageContaining("lesson '" + lesson.id() + "' is not a valid lesson")
                .hasMessageContaining("trigger")
                .hasMessageContaining("DELETE FROM reasoningbank_lessons WHERE bank = '" + bank + "' AND id = '" + lesson.id() + "'");
    }

    @Test
    void should_refuse_updates_once_closed_but_keep_its_last_lessons() throws Exception {
        LessonStore store = store();
        put(store, Lessons.advice("weather", "date"));
        store.close();
        assertThat(store.snapshot().lessons()).hasSize(1);
        assertThatThrownBy(() -> put(store, Lessons.advice("weather", "late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PostgreSQL bank '" + bank + "' at jdbc:postgresql://localhost:" + DATABASE.port() + "/postgres is closed");
    }

    @Test
    void should_write_nothing_when_the_transaction_throws() throws Exception {
        LessonStore store = store();
        assertThatThrownBy(() -> store.update(set -> {
            set.put(Lessons.advice("weather", "half-done"));
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        put(store, Lessons.advice("weather", "done"));
        assertThat(another().snapshot().lessons()).extracting(Lesson::title).containsExactly("Advice done");
        assertThat(store.snapshot().revision()).isEqualTo(1);
    }

    @Test
    void should_refuse_an_update_inside_an_update_and_show_the_transaction_its_own_state() throws Exception {
        LessonStore store = store();
        put(store, Lessons.advice("weather", "date"));
        assertThatThrownBy(() -> store.update(set -> {
            assertThat(store.snapshot().lessons()).hasSize(1); // served from memory: the transaction is not committed by it
            put(store, Lessons.advice("weather", "nested"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("update() was called inside a transaction of");
        put(store, Lessons.advice("weather", "after"));
        assertThat(another().snapshot().lessons()).extracting(Lesson::title).containsExactly("Advice date", "Advice after");
    }

    @Test
    void should_check_its_arguments() {
        DataSource dataSource = DATABASE.dataSource();
        assertThatThrownBy(() -> PostgresLessonStore.open(dataSource, " ")).hasMessage("bank must not be blank");
        assertThatThrownBy(() -> PostgresLessonStore.open(dataSource, "b".repeat(201)))
                .hasMessage("bank must be at most 200 characters but was 201");
        assertThatThrownBy(() -> PostgresLessonStore.open("jdbc:mysql://db/agents?password=hunter2", "u", "p", "b"))
                .hasMessage("jdbcUrl must start with jdbc:postgresql:, e.g. jdbc:postgresql://db.example.com:5432/agents,"
                        + " but was jdbc:mysql://db/agents?password=***");
    }

    /** Waits (10 s at most) until the store's snapshot reaches the revision; snapshot() is polled like an agent would. */
    static BankSnapshot awaitRevision(LessonStore store, long revision) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        BankSnapshot snapshot = store.snapshot();
        while (snapshot.revision() < revision && System.nanoTime() < deadline) {
            Thread.sleep(5);
            snapshot = store.snapshot();
        }
        assertThat(snapshot.revision()).as("revision seen by " + store.describe()).isGreaterThanOrEqualTo(revision);
        return snapshot;
    }

    static Lesson counted(Lesson lesson) {
        return lesson.withStats(lesson.stats().withApplied(Instant.parse("2026-01-01T00:00:00Z")));
    }
}
