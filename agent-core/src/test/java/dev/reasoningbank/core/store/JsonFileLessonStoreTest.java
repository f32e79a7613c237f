package dev.reasoningbank.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.testing.LessonStoreContract;
import dev.reasoningbank.core.testing.Lessons;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileLessonStoreTest extends LessonStoreContract {

    @TempDir
    Path dir;

    private int files;

    @Override
    protected LessonStore newStore() {
        return JsonFileLessonStore.open(dir.resolve("bank-" + (files++) + ".json"));
    }

    @Test
    void should_survive_a_restart() {
        // given
        Path file = dir.resolve("bank.json");
        Lesson lesson = Lessons.replaceKey("weather", "expired-key-123");
        try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
            store.update(set -> { set.put(lesson); return null; });
        }
        // when
        JsonFileLessonStore reopened = JsonFileLessonStore.open(file);
        // then
        assertThat(reopened.snapshot().lessons()).containsExactly(lesson);
    }

    @Test
    void should_write_through_a_symbolic_link_to_its_target() throws Exception {
        Path target = dir.resolve("real").resolve("bank.json");
        Files.createDirectories(target.getParent());
        Path link = Files.createSymbolicLink(dir.resolve("bank.json"), target);

        try (JsonFileLessonStore store = JsonFileLessonStore.open(link)) {
            store.update(set -> { set.put(Lessons.replaceKey("weather", "expired-key-123")); return null; });
        }

        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(Files.readString(target)).contains("ReplaceParam");
    }

    @Test
    void should_refuse_to_rewrite_a_read_only_bank_and_leave_it_untouched() throws Exception {
        Path file = dir.resolve("bank.json");
        try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
            store.update(set -> { set.put(Lessons.replaceKey("weather", "expired-key-123")); return null; });
        }
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));

        JsonFileLessonStore store = JsonFileLessonStore.open(file);
        assertThat(store.snapshot().lessons()).hasSize(1);
        assertThatThrownBy(() -> store.update(set -> { set.put(Lessons.replaceKey("weather", "other-key-456")); return null; }))
                .isInstanceOf(BankFileException.class).hasMessageContaining("is read-only").hasMessageContaining("chmod u+w");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void should_keep_fields_it_does_not_know_when_it_rewrites_the_file() throws Exception {
        Path file = dir.resolve("bank.json");
        try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
            store.update(set -> { set.put(Lessons.replaceKey("weather", "expired-key-123")); return null; });
        }
        // a newer version, or a person, adds fields this version does not know
        Files.writeString(file, Files.readString(file).replaceFirst("\"title\":", "\"reviewedBy\":\"alice\",\"labels\":[\"prod\"],\"title\":"));

        try (JsonFileLessonStore store = JsonFileLessonStore.open(file)) {
            store.update(set -> { set.put(Lessons.replaceKey("calendar", "expired-key-456")); return null; });
        }

        assertThat(Files.readString(file)).contains("\"reviewedBy\":\"alice\"").contains("\"prod\"").contains("calendar");
    }

    @Test
    void should_write_a_versioned_json_document_and_journal_the_changes_as_json_lines() throws Exception {
        Path file = dir.resolve("bank.json");
        JsonFileLessonStore store = JsonFileLessonStore.open(file);
        store.update(set -> { set.put(Lessons.replaceKey("weather", "expired-key-123")); return null; });
        store.update(set -> { set.put(Lessons.advice("weather", "later")); return null; });
        String json = Files.readString(file);
        List<String> journal = Files.readAllLines(dir.resolve("bank.json.journal"));
        assertThat(json).contains("\"schemaVersion\":1", "\"type\":\"ReplaceParam\"").doesNotContain("later");
        assertThat(journal).singleElement().satisfies(line -> assertThat(line).startsWith("{\"revision\":2,\"put\":[")
                .contains("later").containsPattern("\"crc32\":\"[0-9a-f]{8}\"}$"));
        assertThat(json + journal).doesNotContain("expired-key-123");
        // when the store is closed, the journal is folded into the document
        store.close();
        assertThat(Files.readString(file)).contains("\"revision\":2", "later");
        assertThat(dir.resolve("bank.json.journal")).doesNotExist();
    }

    @Test
    void a_torn_journal_tail_is_never_applied_and_the_next_writer_cuts_it() throws Exception {
        Path file = dir.resolve("bank.json");
        Path journal = dir.resolve("bank.json.journal");
        JsonFileLessonStore writer = JsonFileLessonStore.open(file);
        writer.update(set -> { set.put(Lessons.advice("weather", "first")); return null; });
        writer.update(set -> { set.put(Lessons.advice("weather", "second")); return null; });
        // a writer killed mid-append leaves half a line, and a line whose bytes were not all written
        String whole = Files.readString(journal);
        Files.writeString(journal, whole + whole.substring(0, whole.length() / 2), java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

        JsonFileLessonStore reader = JsonFileLessonStore.open(file);
        assertThat(reader.snapshot().lessons()).extracting(Lesson::title).containsExactly("Advice first", "Advice second");

        reader.update(set -> { set.put(Lessons.advice("weather", "third")); return null; });
        assertThat(Files.readAllLines(journal)).hasSize(2).allSatisfy(line -> assertThat(line).endsWith("\"}"));
        assertThat(JsonFileLessonStore.open(file).snapshot().lessons()).extracting(Lesson::title)
                .containsExactly("Advice first", "Advice second", "Advice third");
    }

    @Test
    void two_stores_on_one_file_with_readers_and_frequent_folds_lose_no_acknowledged_lesson() throws Exception {
        Path file = dir.resolve("bank.json");
        JsonFileLessonStore first = JsonFileLessonStore.open(file, 8 * 1024);
        JsonFileLessonStore second = JsonFileLessonStore.open(file, 8 * 1024);
        java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
        for (JsonFileLessonStore store : List.of(first, second)) {
            // a reader on each instance that never takes the lock
            pool.submit(() -> {
                while (writing.get()) {
                    store.snapshot();
                }
            });
            for (int t = 0; t < 2; t++) {
                int writer = work.size();
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        Lesson lesson = Lessons.advice("tool-" + writer, "n" + i);
                        store.update(set -> { set.put(lesson); return null; });
                        acknowledged.add(lesson.id());
                    }
                    return null;
                }));
            }
        }
        for (java.util.concurrent.Future<?> w : work) {
            w.get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        writing.set(false);
        pool.shutdown();

        assertThat(acknowledged).hasSize(400);
        assertThat(JsonFileLessonStore.open(file).snapshot().lessons()).extracting(Lesson::id).containsAll(acknowledged);
        assertThat(first.snapshot().lessons()).hasSize(400);
        assertThat(second.snapshot().lessons()).hasSize(400);
    }

    @Test
    void an_intact_journal_line_this_version_cannot_read_stops_the_bank_and_is_never_cut() throws Exception {
        Path file = dir.resolve("bank.json");
        Path journal = dir.resolve("bank.json.journal");
        JsonFileLessonStore writer = JsonFileLessonStore.open(file);
        writer.update(set -> { set.put(Lessons.advice("weather", "first")); return null; });
        writer.update(set -> { set.put(Lessons.advice("weather", "second")); return null; });
        // a newer version wrote a strategy this one does not know, with a valid checksum
        String line = Files.readAllLines(journal).get(0);
        String future = new String(Journal.line(3, List.of(), List.of()), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"put\":[]", "\"put\":[" + line.substring(line.indexOf("\"put\":[") + 7, line.indexOf("],\"remove\"")).replace("\"Advice\"", "\"Teleport\"") + "]");
        String withCrc = reseal(future);
        Files.writeString(journal, withCrc, java.nio.file.StandardOpenOption.APPEND);
        String before = Files.readString(journal);

        assertThatThrownBy(() -> JsonFileLessonStore.open(file).snapshot())
                .isInstanceOf(BankFileException.class).hasMessageContaining("cannot read").hasMessageContaining("left untouched");
        assertThat(Files.readString(journal)).isEqualTo(before);
    }

    /** The line with its checksum computed again, as a newer version would have written it. */
    private static String reseal(String line) {
        String zeroed = line.replaceFirst("\"crc32\":\"[0-9a-f]{8}\"", "\"crc32\":\"00000000\"").strip();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(zeroed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return zeroed.replace("\"crc32\":\"00000000\"", "\"crc32\":\"" + String.format("%08x", crc.getValue()) + "\"") + "\n";
    }

    @Test
    void a_line_whose_checksum_does_not_match_is_not_applied() throws Exception {
        Path file = dir.resolve("bank.json");
        Path journal = dir.resolve("bank.json.journal");
        JsonFileLessonStore writer = JsonFileLessonStore.open(file);
        writer.update(set -> { set.put(Lessons.advice("weather", "first")); return null; });
        writer.update(set -> { set.put(Lessons.advice("weather", "second")); return null; });
        // one byte of the line flipped on disk
        Files.writeString(journal, Files.readString(journal).replace("second", "secont"));

        assertThat(JsonFileLessonStore.open(file).snapshot().lessons()).extracting(Lesson::title).containsExactly("Advice first");
    }

    @Test
    void should_leave_no_temp_file_behind() throws Exception {
        JsonFileLessonStore store = JsonFileLessonStore.open(dir.resolve("bank.json"));
        for (int i = 0; i < 5; i++) {
            Lesson lesson = Lessons.advice("weather", "x" + i);
            store.update(set -> { set.put(lesson); return null; });
        }
        store.close();
        try (Stream<Path> listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bank.json", "bank.json.lock");
        }
    }

    @Test
    void should_notice_a_change_made_through_another_store_instance() {
        // given two handles on one file, as two processes would have
        Path file = dir.resolve("bank.json");
        JsonFileLessonStore first = JsonFileLessonStore.open(file);
        JsonFileLessonStore second = JsonFileLessonStore.open(file);
        assertThat(second.snapshot().lessons()).isEmpty();
        // when
        first.update(set -> { set.put(Lessons.advice("weather", "a")); return null; });
        // then
        assertThat(second.snapshot().lessons()).hasSize(1);
    }

    @Test
    void should_refuse_a_corrupt_file_and_leave_it_untouched() throws Exception {
        // given
        Path file = dir.resolve("bank.json");
        String garbage = "{\"schemaVersion\":1,\"revision\":3,\"lessons\":[{\"id\":\"L-1\",";
        Files.writeString(file, garbage);
        // when / then
        assertThatThrownBy(() -> JsonFileLessonStore.open(file))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 1")
                .hasMessageContaining("left untouched");
        assertThat(Files.readString(file)).isEqualTo(garbage);
    }

    @Test
    void should_refuse_an_empty_file() throws Exception {
        Path file = dir.resolve("bank.json");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> JsonFileLessonStore.open(file))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining("is empty");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void should_name_an_unknown_strategy() throws Exception {
        Path file = dir.resolve("bank.json");
        JsonFileLessonStore.open(file).update(set -> { set.put(Lessons.advice("weather", "a")); return null; });
        String edited = Files.readString(file).replace("\"type\":\"Advice\"", "\"type\":\"Teleport\"");
        Files.writeString(file, edited);
        assertThatThrownBy(() -> JsonFileLessonStore.open(file))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining("unknown strategy 'Teleport'")
                .hasMessageContaining("ReplaceParam");
        assertThat(Files.readString(file)).isEqualTo(edited);
    }

    @Test
    void a_big_bank_should_open_without_reading_its_lessons_name_a_bad_one_when_its_tool_is_asked_for_and_keep_it() throws Exception {
        // given a bank whose second lesson (of calendar) names a strategy this version does not know
        Path file = dir.resolve("bank.json");
        Lesson weather = Lessons.advice("weather", "a");
        JsonFileLessonStore.open(file).update(set -> {
            set.put(weather);
            set.put(Lessons.advice("calendar", "b"));
            return null;
        });
        String edited = Files.readString(file).replaceFirst("(\\{\"id\":\"[^\"]+\",\"title\":\"Advice b\".*?)\"type\":\"Advice\"", "$1\"type\":\"Teleport\"");
        assertThat(edited).contains("Teleport");
        Files.writeString(file, edited);
        // when the bank is opened as a big one is, a tool's lessons at a time
        JsonFileLessonStore store = JsonFileLessonStore.open(file, 1 << 20, 0);
        // then the other tool's lessons are there, and the bad one is named, with where it is, when its tool is asked for
        assertThat(store.snapshot().lessonsOf("weather")).containsExactly(weather);
        assertThatThrownBy(() -> store.snapshot().lessonsOf("calendar"))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining("unknown strategy 'Teleport' at line 1, column " + (edited.indexOf("\"Teleport\"") + 1))
                .hasMessageContaining("(in lessons[1].strategy)")
                .hasMessageContaining("left untouched");
        // and a change folds into the file with the lesson that cannot be read copied as it was, nothing lost
        String teleport = edited.substring(edited.lastIndexOf("{\"id\"", edited.indexOf("Teleport")), edited.lastIndexOf("]}"));
        Lesson added = Lessons.advice("weather", "c");
        store.update(set -> { set.put(added); return null; });
        store.close();
        assertThat(Files.readString(file)).contains(teleport).contains("Advice c");
        assertThat(JsonFileLessonStore.open(file, 1 << 20, 0).snapshot().lessonsOf("weather")).containsExactly(weather, added);
    }

    @Test
    void a_journal_and_a_document_larger_than_a_read_chunk_should_be_read_whole() throws Exception {
        // given a bank, then a change of 3,000 lessons (one journal line of more than a megabyte) not folded yet
        Path file = dir.resolve("bank.json");
        List<Lesson> lessons = java.util.stream.IntStream.range(0, 3_000).mapToObj(i -> Lessons.advice("tool" + i % 7, "n" + i)).toList();
        JsonFileLessonStore writer = JsonFileLessonStore.open(file, Long.MAX_VALUE);
        writer.update(set -> { set.put(lessons.get(0)); return null; });
        writer.update(set -> { lessons.forEach(set::put); return null; });
        assertThat(Files.size(dir.resolve("bank.json.journal"))).isGreaterThan(1 << 20);
        // when another store reads the journal, and then the document it is folded into
        assertThat(JsonFileLessonStore.open(file).snapshot().lessons()).isEqualTo(lessons);
        writer.close();
        assertThat(Files.size(file)).isGreaterThan(1 << 20);
        // then every lesson is there
        assertThat(JsonFileLessonStore.open(file, 1 << 20, 0).snapshot().lessons()).isEqualTo(lessons);
    }

    @Test
    void should_name_an_invalid_field() throws Exception {
        Path file = dir.resolve("bank.json");
        JsonFileLessonStore.open(file).update(set -> { set.put(Lessons.advice("weather", "a")); return null; });
        String edited = Files.readString(file).replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"\"");
        Files.writeString(file, edited);
        assertThatThrownBy(() -> JsonFileLessonStore.open(file))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining("title must not be blank");
    }

    @Test
    void should_refuse_a_newer_schema() throws Exception {
        Path file = dir.resolve("bank.json");
        Files.writeString(file, "{\"schemaVersion\":99,\"revision\":1,\"lessons\":[]}");
        assertThatThrownBy(() -> JsonFileLessonStore.open(file))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("upgrade");
    }

    @Test
    void should_refuse_to_write_over_a_file_that_became_corrupt() throws Exception {
        // given a bank in use whose file another program damages
        Path file = dir.resolve("bank.json");
        JsonFileLessonStore store = JsonFileLessonStore.open(file);
        store.update(set -> { set.put(Lessons.advice("weather", "a")); return null; });
        Files.writeString(file, "not json at all", StandardCharsets.UTF_8);
        // when / then
        assertThatThrownBy(() -> store.update(set -> { set.put(Lessons.advice("weather", "b")); return null; }))
                .isInstanceOf(BankFileException.class);
        assertThat(Files.readString(file)).isEqualTo("not json at all");
    }

    @Test
    void looking_at_a_bank_that_does_not_exist_should_create_nothing() {
        Path folder = dir.resolve("not").resolve("yet");
        JsonFileLessonStore store = JsonFileLessonStore.open(folder.resolve("bank.json"));
        assertThat(store.snapshot().lessons()).isEmpty();
        assertThat(folder.getParent()).doesNotExist();
        store.update(set -> { set.put(Lessons.advice("weather", "a")); return null; });
        assertThat(folder.resolve("bank.json")).exists();
    }

    @Test
    void should_refuse_a_directory() {
        assertThatThrownBy(() -> JsonFileLessonStore.open(dir))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining("is a directory");
    }
}
