package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map from lesson id to lesson (and the order it was first stored in) that shares
 * structure between versions: a change copies one bucket, not the whole map, so a bank of 100k
 * lessons updates one lesson in microseconds.
 */
final class IdIndex {

    /**
     * A lesson's id, its place in the order lessons were first stored, and the lesson: held, or the
     * {@code place}-th of its tool's lessons still to be read.
     */
    record Entry(String id, long sequence, @Nullable Lesson held, @Nullable ToolLessons of, int place) {

        Entry(Lesson lesson, long sequence) {
            this(lesson.id(), sequence, lesson, null, -1);
        }

        Lesson lesson() {
            return held != null ? held : Objects.requireNonNull(of, "an entry holds its lesson or says where it is").lessons().get(place);
        }

        String tool() {
            return held != null ? held.trigger().tool() : Objects.requireNonNull(of, "an entry holds its lesson or says where it is").tool();
        }
    }

    private static final int BUCKETS = 1024;
    private static final Entry[] NONE = new Entry[0];

    static final IdIndex EMPTY = new IdIndex(emptyBuckets(), 0);

    private final Entry[][] buckets;
    private final int size;

    private IdIndex(Entry[][] buckets, int size) {
        this.buckets = buckets;
        this.size = size;
    }

    private static Entry[][] emptyBuckets() {
        Entry[][] buckets = new Entry[BUCKETS][];
        Arrays.fill(buckets, NONE);
        return buckets;
    }

    /**
     * An index of these entries: linear, however many
     * there are. Each id is hashed once and compared only with the ids that share its hash.
     *
     * @throws IllegalArgumentException when two lessons have the same id
     */
    static IdIndex of(List<Entry> entries) {
        int size = entries.size();
        int[] hashes = new int[size];
        int[] counts = new int[BUCKETS];
        for (int i = 0; i < size; i++) {
            int hash = entries.get(i).id().hashCode();
            hashes[i] = hash;
            counts[bucketOfHash(hash)]++;
        }
        Entry[][] buckets = new Entry[BUCKETS][];
        long[][] keys = new long[BUCKETS][];
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = counts[b] == 0 ? NONE : new Entry[counts[b]];
            keys[b] = new long[counts[b]];
            counts[b] = 0;
        }
        for (int i = 0; i < size; i++) {
            int b = bucketOfHash(hashes[i]);
            int at = counts[b]++;
            buckets[b][at] = entries.get(i);
            keys[b][at] = (long) hashes[i] << 32 | at;
        }
        for (int b = 0; b < BUCKETS; b++) {
            String twice = duplicateIdIn(buckets[b], keys[b]);
            if (twice != null) {
                throw new IllegalArgumentException("two lessons have the id " + twice);
            }
        }
        return new IdIndex(buckets, size);
    }

    /** An id two entries of a bucket share; {@code keys} holds each entry's id hash (high half) and place (low half). */
    private static @Nullable String duplicateIdIn(Entry[] bucket, long[] keys) {
        Arrays.sort(keys);
        for (int i = 1; i < keys.length; i++) {
            for (int j = i - 1; j >= 0 && keys[j] >>> 32 == keys[i] >>> 32; j--) {
                String id = bucket[(int) keys[i]].id();
                if (id.equals(bucket[(int) keys[j]].id())) {
                    return id;
                }
            }
        }
        return null;
    }

    int size() {
        return size;
    }

    @Nullable Entry get(String id) {
        for (Entry entry : buckets[bucketOf(id)]) {
            if (entry.id().equals(id)) {
                return entry;
            }
        }
        return null;
    }

    /** This index with {@code entry} added, or replacing the entry with the same id. */
    IdIndex with(Entry entry) {
        int b = bucketOf(entry.id());
        Entry[] bucket = buckets[b];
        Entry[][] copy = buckets.clone();
        for (int i = 0; i < bucket.length; i++) {
            if (bucket[i].id().equals(entry.id())) {
                Entry[] replaced = bucket.clone();
                replaced[i] = entry;
                copy[b] = replaced;
                return new IdIndex(copy, size);
            }
        }
        Entry[] grown = Arrays.copyOf(bucket, bucket.length + 1);
        grown[bucket.length] = entry;
        copy[b] = grown;
        return new IdIndex(copy, size + 1);
    }

    IdIndex without(String id) {
        int b = bucketOf(id);
        Entry[] bucket = buckets[b];
        for (int i = 0; i < bucket.length; i++) {
            if (bucket[i].id().equals(id)) {
                Entry[] shrunk = new Entry[bucket.length - 1];
                System.arraycopy(bucket, 0, shrunk, 0, i);
                System.arraycopy(bucket, i + 1, shrunk, i, bucket.length - i - 1);
                Entry[][] copy = buckets.clone();
                copy[b] = shrunk;
                return new IdIndex(copy, size - 1);
            }
        }
        return this;
    }

    /** Every entry, in no particular order. */
    Entry[] entries() {
        Entry[] all = new Entry[size];
        int n = 0;
        for (Entry[] bucket : buckets) {
            System.arraycopy(bucket, 0, all, n, bucket.length);
            n += bucket.length;
        }
        return all;
    }

    private static int bucketOf(String id) {
        return bucketOfHash(id.hashCode());
    }

    private static int bucketOfHash(int h) {
        return (h ^ (h >>> 16)) & (BUCKETS - 1);
    }
}
