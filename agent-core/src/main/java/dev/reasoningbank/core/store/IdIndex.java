package dev.reasoningbank.core.store;

import dev.reasoningbank.core.lesson.Lesson;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map from lesson id to lesson (and the order it was first stored in) that shares
 * structure between versions: a change copies one bucket, not the whole map, so a bank of 100k
 * lessons updates one lesson in microseconds.
 */
final class IdIndex {

    record Entry(Lesson lesson, long sequence) {}

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
     * An index of these entries, built in one pass: linear, however many there are.
     *
     * @throws IllegalArgumentException when two entries have the same id
     */
    static IdIndex of(java.util.List<Entry> entries) {
        int[] counts = new int[BUCKETS];
        for (Entry entry : entries) {
            counts[bucketOf(entry.lesson().id())]++;
        }
        Entry[][] buckets = new Entry[BUCKETS][];
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = counts[b] == 0 ? NONE : new Entry[counts[b]];
            counts[b] = 0;
        }
        for (Entry entry : entries) {
            int b = bucketOf(entry.lesson().id());
            buckets[b][counts[b]++] = entry;
        }
        for (Entry[] bucket : buckets) {
            String twice = duplicateIdIn(bucket);
            if (twice != null) {
                throw new IllegalArgumentException("two lessons have the id " + twice);
            }
        }
        return new IdIndex(buckets, entries.size());
    }

    /** An id two entries of one bucket share, found by sorting their hashes: no set of every id. */
    private static @Nullable String duplicateIdIn(Entry[] bucket) {
        if (bucket.length < 2) {
            return null;
        }
        long[] keys = new long[bucket.length];
        for (int i = 0; i < bucket.length; i++) {
            keys[i] = (long) bucket[i].lesson().id().hashCode() << 32 | i;
        }
        Arrays.sort(keys);
        for (int i = 1; i < keys.length; i++) {
            for (int j = i - 1; j >= 0 && keys[j] >>> 32 == keys[i] >>> 32; j--) {
                String id = bucket[(int) keys[i]].lesson().id();
                if (id.equals(bucket[(int) keys[j]].lesson().id())) {
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
            if (entry.lesson().id().equals(id)) {
                return entry;
            }
        }
        return null;
    }

    /** This index with {@code entry} added, or replacing the entry with the same id. */
    IdIndex with(Entry entry) {
        int b = bucketOf(entry.lesson().id());
        Entry[] bucket = buckets[b];
        Entry[][] copy = buckets.clone();
        for (int i = 0; i < bucket.length; i++) {
            if (bucket[i].lesson().id().equals(entry.lesson().id())) {
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
            if (bucket[i].lesson().id().equals(id)) {
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
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & (BUCKETS - 1);
    }
}
