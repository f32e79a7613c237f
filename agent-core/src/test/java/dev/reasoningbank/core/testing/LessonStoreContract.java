package dev.reasoningbank.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.store.BankSnapshot;
import dev.reasoningbank.core.store.LessonStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LessonStore} must have. A store's test extends this class and says how
 * to make a fresh store; after each test the lesson ids in the store are checked to be unique.
 */
public abstract class LessonStoreContract {

    private final List<LessonStore> opened = new ArrayList<>();

    /** A new, empty store. */
    protected abstract LessonStore newStore() throws Exception;

    protected LessonStore store() throws Exception {
        LessonStore store = newStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void lesson_ids_are_unique() {
        for (LessonStore store : opened) {
            List<Lesson> lessons = store.snapshot().lessons();
            assertThat(new HashSet<>(lessons.stream().map(Lesson::id).toList())).hasSize(lessons.size());
            store.close();
        }
    }

    @Test
    void should_start_empty() throws Exception {
        assertThat(store().snapshot().lessons()).isEmpty();
    }

    @Test
    void should_return_what_was_put() throws Exception {
        // given
        LessonStore store = store();
        Lesson lesson = Lessons.advice("weather", "date");
        // when
        store.update(set -> { set.put(lesson); return null; });
        // then
        assertThat(store.snapshot().lessons()).containsExactly(lesson);
        assertThat(store.snapshot().find(lesson.id())).contains(lesson);
    }

    @Test
    void should_replace_a_lesson_with_the_same_id() throws Exception {
        LessonStore store = store();
        Lesson lesson = Lessons.advice("weather", "date");
        store.update(set -> { set.put(lesson); return null; });
        store.update(set -> { set.put(lesson.withStatus(LessonStatus.TRUSTED)); return null; });
        assertThat(store.snapshot().lessons()).singleElement()
                .extracting(Lesson::status).isEqualTo(LessonStatus.TRUSTED);
    }

    @Test
    void should_bump_the_revision_only_when_something_changed() throws Exception {
        LessonStore store = store();
        Lesson lesson = Lessons.advice("weather", "date");
        store.update(set -> { set.put(lesson); return null; });
        long revision = store.snapshot().revision();
        store.update(set -> { set.put(lesson); return null; });
        BankSnapshot after = store.snapshot();
        assertThat(after.revision()).isEqualTo(revision);
        store.update(set -> set.remove(lesson.id()));
        assertThat(store.snapshot().revision()).isEqualTo(revision + 1);
        assertThat(store.snapshot().lessons()).isEmpty();
    }

    @Test
    void should_keep_every_lesson_written_by_concurrent_threads() throws Exception {
        // given
        LessonStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        // when
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writes.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    Lesson lesson = Lessons.advice("tool", "t" + thread + "-" + i);
                    store.update(set -> { set.put(lesson); return null; });
                }
            }));
        }
        for (Future<?> write : writes) {
            write.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // then
        assertThat(store.snapshot().lessons()).hasSize(100);
    }

    @Test
    void should_hand_out_an_immutable_snapshot() throws Exception {
        LessonStore store = store();
        store.update(set -> { set.put(Lessons.advice("weather", "a")); return null; });
        BankSnapshot before = store.snapshot();
        store.update(set -> { set.put(Lessons.advice("weather", "b")); return null; });
        assertThat(before.lessons()).hasSize(1);
        assertThat(store.snapshot().lessons()).hasSize(2);
    }
}
