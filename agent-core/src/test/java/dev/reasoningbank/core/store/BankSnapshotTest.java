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
