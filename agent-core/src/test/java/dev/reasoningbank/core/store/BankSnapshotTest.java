package dev.reasoningbank.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.testing.Lessons;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BankSnapshotTest {

    private final Lesson a = Lessons.advice("weather", "a");
    private final Lesson b = Lessons.advice("calendar", "b");
    private final Lesson c = Lessons.advice("weather", "c");

    @Test
    void should_keep_the_first_stored_order_through_replacements_and_removals() {
        BankSnapshot first = new BankSnapshot(1, List.of(a, b, c));
        Lesson trustedB = b.withStatus(LessonStatus.TRUSTED);
        Lesson d = Lessons.advice("weather", "d");
        BankSnapshot next = first.with(2, List.of(trustedB, d), List.of(a.id()));
        assertThat(next.lessons()).containsExactly(trustedB, c, d);
        assertThat(next.revision()).isEqualTo(2);
        assertThat(first.lessons()).as("the old revision is untouched").containsExactly(a, b, c);
    }

    @Test
    void should_index_by_id_and_by_tool() {
        BankSnapshot snapshot = new BankSnapshot(1, List.of(a, b)).with(2, List.of(c), List.of());
        assertThat(snapshot.find(c.id())).contains(c);
        assertThat(snapshot.find("L-none")).isEmpty();
        assertThat(snapshot.lessonsOf("weather")).containsExactly(a, c);
        assertThat(snapshot.lessonsOf("calendar")).containsExactly(b);
        assertThat(snapshot.lessonsOf("search")).isEmpty();
        assertThat(snapshot.with(3, List.of(), List.of(b.id())).lessonsOf("calendar")).isEmpty();
    }

    @Test
    void random_changes_should_agree_with_a_plain_list() {
        // given a seeded stream of puts and removals over many ids (several per hash bucket)
        Random random = new Random(7);
        List<Lesson> expected = new ArrayList<>();
        BankSnapshot snapshot = BankSnapshot.EMPTY;
        for (int step = 0; step < 5_000; step++) {
            Lesson lesson = Lessons.advice("tool" + random.nextInt(5), "n" + random.nextInt(3_000));
            if (random.nextInt(4) == 0) {
                expected.removeIf(l -> l.id().equals(lesson.id()));
                snapshot = snapshot.with(step, List.of(), List.of(lesson.id()));
            } else {
                Lesson changed = lesson.withStatus(random.nextBoolean() ? LessonStatus.TRUSTED : LessonStatus.CANDIDATE);
                int at = indexOf(expected, changed.id());
                if (at >= 0) {
                    expected.set(at, changed);
                } else {
                    expected.add(changed);
                }
                snapshot = snapshot.with(step, List.of(changed), List.of());
            }
        }
        // then
        assertThat(snapshot.lessons()).isEqualTo(expected);
        assertThat(snapshot.size()).isEqualTo(expected.size());
        for (Lesson lesson : expected) {
            assertThat(snapshot.find(lesson.id())).contains(lesson);
        }
        assertThat(snapshot.lessonsOf("tool3")).isEqualTo(expected.stream().filter(l -> l.trigger().tool().equals("tool3")).toList());
    }

    @Test
    void a_snapshot_read_a_tool_at_a_time_should_agree_with_one_read_whole_through_random_changes() throws Exception {
        // given a bank built by random changes: lessons that move between tools, learned on hosts in any case
        Random random = new Random(11);
        List<Lesson> expected = new ArrayList<>();
        BankSnapshot whole = BankSnapshot.EMPTY;
        for (int step = 0; step < 2_000; step++) {
            whole = randomChange(random, step, expected, whole);
        }
        // when the same bank is read back from its document a tool's lessons at a time, and both change alike
        byte[] json = LessonJson.writeCompact(new LessonJson.Document(LessonJson.SCHEMA_VERSION, whole.revision(), whole.lessons()));
        BankSnapshot lazy = BankDocument.index(json).snapshot(IllegalStateException::new);
        // written back before anyone reads a lesson, and after one change, it is the document a bank read whole writes
        assertThat(documentOf(lazy)).isEqualTo(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        Lesson changed = expected.get(0).withStatus(LessonStatus.TRUSTED);
        List<Lesson> withChange = new ArrayList<>(expected);
        withChange.set(0, changed);
        assertThat(documentOf(lazy.with(whole.revision(), List.of(changed), List.of()))).isEqualTo(new String(
                LessonJson.writeCompact(new LessonJson.Document(LessonJson.SCHEMA_VERSION, whole.revision(), withChange)), java.nio.charset.StandardCharsets.UTF_8));
        List<Lesson> expectedLazy = new ArrayList<>(expected);
        assertAgree(lazy, expected);
        for (int step = 2_000; step < 3_000; step++) {
            long seed = random.nextLong();
            whole = randomChange(new Random(seed), step, expected, whole);
            lazy = randomChange(new Random(seed), step, expectedLazy, lazy);
        }
        // then
        assertAgree(whole, expected);
        assertAgree(lazy, expected);
    }

    private static String documentOf(BankSnapshot snapshot) throws java.io.IOException {
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        JsonFileLessonStore.writeDocument(snapshot, written);
        return written.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static BankSnapshot randomChange(Random random, int step, List<Lesson> expected, BankSnapshot snapshot) {
        String[] hosts = {"api.one.example", "API.ONE.example", "two.example", null};
        Lesson lesson = Lessons.advice("tool" + random.nextInt(6), "n" + step).toBuilder()
                .id("L-" + random.nextInt(400)).sharedHost(hosts[random.nextInt(hosts.length)]).build();
        if (random.nextInt(4) == 0) {
            expected.removeIf(l -> l.id().equals(lesson.id()));
            return snapshot.with(step, List.of(), List.of(lesson.id()));
        }
        int at = indexOf(expected, lesson.id());
        if (at >= 0) {
            expected.set(at, lesson);
        } else {
            expected.add(lesson);
        }
        return snapshot.with(step, List.of(lesson), List.of());
    }

    private static void assertAgree(BankSnapshot snapshot, List<Lesson> expected) {
        for (int t = 0; t < 6; t++) {
            String tool = "tool" + t;
            assertThat(snapshot.lessonsOf(tool)).as(tool).isEqualTo(expected.stream().filter(l -> l.trigger().tool().equals(tool)).toList());
        }
        for (String host : List.of("api.one.example", "Two.Example", "three.example")) {
            assertThat(snapshot.learnedOn(host)).as(host)
                    .isEqualTo(expected.stream().filter(l -> host.equalsIgnoreCase(l.sharedHost())).toList());
        }
        for (Lesson lesson : expected) {
            assertThat(snapshot.find(lesson.id())).contains(lesson);
        }
        assertThat(snapshot.lessons()).isEqualTo(expected);
        assertThat(snapshot.size()).isEqualTo(expected.size());
    }

    private static int indexOf(List<Lesson> lessons, String id) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void should_refuse_two_lessons_with_one_id_but_not_two_ids_with_one_hash() {
        // "Aa" and "BB" have the same hash code: distinct ids in one bucket
        Lesson aa = Lessons.advice("weather", "aa").toBuilder().id("L-Aa").build();
        Lesson bb = Lessons.advice("weather", "bb").toBuilder().id("L-BB").build();
        List<Lesson> many = new ArrayList<>(List.of(aa, bb));
        for (int i = 0; i < 20_000; i++) {
            many.add(Lessons.advice("tool-" + (i % 9), "n" + i).toBuilder().id("L-" + i).build());
        }
        assertThat(new BankSnapshot(1, many).size()).isEqualTo(20_002);
        many.add(Lessons.advice("calendar", "twin").toBuilder().id("L-12345").build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BankSnapshot(1, many))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L-12345");
    }
}
