package dev.reasoningbank.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reasoningbank.core.lesson.Lesson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The default store: a JSON document ({@code {"schemaVersion":1,"revision":N,"lessons":[...]}}) plus a
 * journal of the changes since ({@code <file>.journal}, one JSON line per change), shared safely by
 * threads and processes.
 *
 * <ul>
 *   <li>A change costs one small durable append: its line ({@code {"revision":N,"put":[...],"remove":[...],
 *       "crc32":"..."}}) is appended to the journal and fsync'd, whatever the bank's size; the fsync comes after
 *       the locks are released, so that writers of other threads and processes append meanwhile and share the
 *       disk's flushes, and {@link #update} returns once it is done. A line whose
 *       checksum does not match (a writer killed mid-append) is a torn tail: never applied, cut by the next writer.
 *   <li>Past a size (the document's, at least 1 MB) and when the store is closed, the journal is folded into
 *       the document: temp file, fsync, atomic rename, fsync of the folder; then the journal goes. A
 *       reader sees the old document or the new one, never half of one, even when the writer is killed.
 *   <li>Writers take an in-process lock and then an OS lock on the sidecar {@code <file>.lock}, and
 *       re-read the document if another process changed it: no lesson is lost.
 *   <li>A reader notices another process's write (the file's identity, time and size change) and
 *       reloads.
 *   <li>A file that cannot be read or parsed raises {@link BankFileException} and is never
 *       overwritten: no silent empty bank.
 * </ul>
 */
public final class JsonFileLessonStore implements LessonStore {

    private static final Map<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock processLock;
    private final Path journal;
    private final java.util.concurrent.atomic.AtomicReference<Loaded> loaded =
            new java.util.concurrent.atomic.AtomicReference<>(new Loaded(null, 0, null, 0, BankSnapshot.EMPTY));

    /**
     * The bank as read: the document's state and size, which journal file (its file key) and how far into
     * it, and the lessons.
     */
    private record Loaded(@Nullable FileState state, long documentSize, @Nullable Object journalKey, long journalOffset,
            BankSnapshot snapshot) {}

    /** The journal file as it is now: its identity and size; {@code null} when there is none. */
    private record JournalState(@Nullable Object key, long size) {}

    private static final long MIN_JOURNAL_TO_FOLD = 1 << 20;

    /**
     * A document smaller than this (about 5,000 lessons) is read whole at open; a larger one a tool's
     * lessons at a time, when first asked for, so that a big bank opens in a fraction of the time.
     */
    static final long READ_AT_OPEN_BELOW = 4 << 20;

    private final long foldAfter;
    private final long readWholeBelow;

    private record FileState(Object key, long modifiedNanos, long size) {
        static @Nullable FileState of(Path file) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileState(a.fileKey(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size());
            } catch (NoSuchFileException absent) {
                return null;
            }
        }
    }

    private JsonFileLessonStore(Path file, long foldAfter, long readWholeBelow) {
        this.foldAfter = foldAfter;
        this.readWholeBelow = readWholeBelow;
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.journal = file.resolveSibling(file.getFileName() + ".journal");
        this.processLock = PROCESS_LOCKS.computeIfAbsent(realPathOf(file), f -> new ReentrantLock());
    }

    /** The file's path with links in its folder resolved, so that two paths to one file share one lock. */
    private static Path realPathOf(Path file) {
        try {
            return folderOf(file).toRealPath().resolve(file.getFileName());
        } catch (IOException notThereYet) {
            return file;
        }
    }

    /** The folder of the bank file: {@link #open} makes the path absolute and rejects a directory (the root among them). */
    private static Path folderOf(Path file) {
        return Objects.requireNonNull(file.getParent(), () -> file + " has no parent folder");
    }

    /**
     * Opens the bank at {@code file}; the file and its folder are created on the first write, so
     * looking at a bank that does not exist changes nothing. Fails fast if the file exists but cannot
     * be used.
     */
    public static JsonFileLessonStore open(Path file) {
        return open(file, MIN_JOURNAL_TO_FOLD);
    }

    /** {@link #open(Path)}, folding the journal once it passes {@code foldAfter} bytes (or the document's size); for tests. */
    static JsonFileLessonStore open(Path file, long foldAfter) {
        return open(file, foldAfter, READ_AT_OPEN_BELOW);
    }

    /** {@link #open(Path, long)}, reading a document of {@code readWholeBelow} bytes or more a tool at a time; for tests. */
    static JsonFileLessonStore open(Path file, long foldAfter, long readWholeBelow) {
        Objects.requireNonNull(file, "file must not be null");
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new BankFileException(absolute, "is a directory; give the path of a JSON file, e.g. " + absolute.resolve("bank.json"), null);
        }
        if (Files.isSymbolicLink(absolute)) {
            // writes go through the link to its target: replacing the link by a regular file would lose what it points to
            try {
                absolute = absolute.toRealPath();
            } catch (IOException dangling) {
                // a link to a bank not written yet: the first write creates its target
                try {
                    absolute = absolute.resolveSibling(Files.readSymbolicLink(absolute)).toAbsolutePath().normalize();
                } catch (IOException unreadable) {
                    throw new BankFileException(absolute, "is a symbolic link that cannot be read (" + unreadable.getMessage() + ")", unreadable);
                }
            }
        }

        JsonFileLessonStore store = new JsonFileLessonStore(absolute, foldAfter, readWholeBelow);
        store.snapshot();
        return store;
    }

    public Path file() {
        return file;
    }

    /** Whether the file exists and its owner may not write it (checked by its mode: even root must not rewrite it). */
    private static boolean readOnly(Path file) {
        try {
            return Files.exists(file) && (!Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)
                    || !Files.isWritable(file));
        } catch (UnsupportedOperationException notPosix) {
            return Files.exists(file) && !Files.isWritable(file);
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    public BankSnapshot snapshot() {
        return refresh().snapshot;
    }

    /**
     * The bank as the files hold it now, read incrementally: a new journal tail is read alone; another
     * document, another journal file or a shorter one means everything is read again. What a reader
     * publishes never goes back in revision, so a slow reader cannot undo what a writer saw.
     */
    private Loaded refresh() {
        Loaded current = published();
        FileState state = stat();
        JournalState journalNow = journalState();
        Loaded fresh;
        if (!Objects.equals(state, current.state) || journalNow == null && current.journalOffset > 0
                || journalNow != null && current.journalOffset > 0 && !Objects.equals(journalNow.key(), current.journalKey)
                || journalNow != null && journalNow.size() < current.journalOffset) {
            fresh = replay(load(state), journalNow, true);
        } else if (journalNow == null || journalNow.size() == current.journalOffset) {
            return current;
        } else {
            fresh = replay(current, journalNow, current.journalOffset == 0);
        }
        return publish(fresh);
    }

    private Loaded published() {
        return Objects.requireNonNull(loaded.get(), "the store always holds what it read last");
    }

    private Loaded publish(Loaded fresh) {
        while (true) {
            Loaded seen = published();
            if (fresh.snapshot.revision() < seen.snapshot.revision()) {
                return fresh; // this caller's view; the newer one stays published
            }
            if (loaded.compareAndSet(seen, fresh)) {
                return fresh;
            }
        }
    }

    private @Nullable JournalState journalState() {
        try {
            BasicFileAttributes a = Files.readAttributes(journal, BasicFileAttributes.class);
            return new JournalState(a.fileKey(), a.size());
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            throw new BankFileException(journal, "cannot be read: " + e, e);
        }
    }

    /**
     * {@code from} with the journal's complete lines after its offset applied. A line applies only when
     * it is the next revision, so a line read from a journal that was replaced meanwhile never applies out
     * of order; a torn line ends the replay; an intact line this version cannot read stops everything.
     */
    /** What the file holds from {@code start} to its end. */
    private static byte[] readFrom(FileChannel channel, long start) throws IOException {
        byte[] bytes = new byte[Math.toIntExact(Math.max(channel.size(), start) - start)];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.position() < bytes.length) {
            // in chunks: the JDK reads into a heap buffer through a direct buffer as large, which the thread then keeps
            buffer.limit(Math.min(bytes.length, buffer.position() + (1 << 20)));
            if (channel.read(buffer, start + buffer.position()) < 0) {
                return Arrays.copyOf(bytes, buffer.position()); // the file is shorter now
            }
        }
        return bytes;
    }

    private Loaded replay(Loaded from, @Nullable JournalState journalNow, boolean fromStart) {
        if (journalNow == null) {
            return new Loaded(from.state, from.documentSize, null, 0, from.snapshot);
        }
        long start = fromStart ? 0 : from.journalOffset;
        byte[] tail;
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            tail = readFrom(channel, start);
        } catch (NoSuchFileException absent) {
            return new Loaded(from.state, from.documentSize, null, 0, from.snapshot);
        } catch (IOException e) {
            throw new BankFileException(journal, "cannot be read: " + e, e);
        }
        BankSnapshot snapshot = from.snapshot;
        long offset = start;
        int lineStart = 0;
        for (int i = 0; i < tail.length; i++) {
            if (tail[i] != '\n') {
                continue;
            }
            Journal.Entry entry;
            try {
                entry = Journal.read(tail, lineStart, i);
            } catch (IllegalStateException unreadable) {
                throw new BankFileException(journal, "holds a change this version cannot read (" + unreadable.getMessage()
                        + "); upgrade ReasoningBank. The journal was left untouched.", unreadable);
            }
            if (entry == null) {
                break; // a torn line: what follows it is not trusted either
            }
            if (entry.revision() > snapshot.revision() + 1) {
                break; // not the next change: this journal is not the one the offset belongs to
            }
            if (entry.revision() == snapshot.revision() + 1) {
                snapshot = snapshot.with(entry.revision(), entry.put(), entry.remove());
            }
            lineStart = i + 1;
            offset = start + lineStart;
        }
        return new Loaded(from.state, from.documentSize, journalNow.key(), offset, snapshot);
    }

    @Override
    public <R> R update(Function<LessonSet, R> transaction) {
        if (readOnly(file)) {
            throw new BankFileException(file, "is read-only, so it is not rewritten; make it writable (chmod u+w " + file
                    + ") or give another bank file", null);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new BankFileException(file, "cannot be created: its folder " + file.getParent() + " cannot be made (" + e + ")", e);
        }
        Written<R> written = underLocks(transaction);
        if (written.unsynced() != null) {
            // outside the locks: other writers append meanwhile, and their fsyncs and this one share the disk's flushes
            try (FileChannel channel = written.unsynced()) {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write bank file " + file + ": " + e.getMessage(), e);
            }
        }
        return written.result();
    }

    /** What a transaction returned, and the journal it appended to that is still to be fsync'd ({@code null} if none). */
    private record Written<R>(R result, @Nullable FileChannel unsynced) {}

    private <R> Written<R> underLocks(Function<LessonSet, R> transaction) {
        FileChannel unsynced = null;
        processLock.lock();
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockChannel.lock()) {
            // read under the lock: what follows the offset now is a torn tail, which the append cuts
            Loaded before = refresh();
            BankSnapshot current = before.snapshot;
            LessonSet working = new LessonSet(current);
            R result = transaction.apply(working);
            if (working.changed()) {
                BankSnapshot next = working.commit(current.revision() + 1);
                if (before.state == null) {
                    fold(next); // a new bank starts as a document
                } else {
                    unsynced = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    long end = append(unsynced, before.journalOffset, Journal.line(next.revision(), working.upserts(), working.removals()));
                    JournalState written = journalState();
                    publish(new Loaded(before.state, before.documentSize, written == null ? null : written.key(), end, next));
                    if (end > Math.max(foldAfter, before.documentSize)) {
                        foldQuietly(next);
                    }
                }
            }
            Written<R> done = new Written<>(result, unsynced);
            unsynced = null;
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock or write bank file " + file + ": " + e.getMessage(), e);
        } finally {
            processLock.unlock();
            closeQuietly(unsynced);
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was left to write through it
            }
        }
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    /** Folds the journal into the document, so that the file alone holds the bank; nothing to do when it does. */
    @Override
    public void close() {
        JournalState journalNow = journalState();
        if (journalNow == null || journalNow.size() == 0 || readOnly(file)) {
            return;
        }
        processLock.lock();
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockChannel.lock()) {
            Loaded current = refresh();
            if (current.journalKey != null) {
                fold(current.snapshot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fold the journal of bank file " + file + " into it: " + e.getMessage(), e);
        } finally {
            processLock.unlock();
        }
    }

    /** Folds after a change that is already durable in the journal: a failure is logged, the next write folds again. */
    private void foldQuietly(BankSnapshot snapshot) {
        try {
            fold(snapshot);
        } catch (IOException | RuntimeException e) {
            System.getLogger(JsonFileLessonStore.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot fold the journal of " + file + " into it yet (" + e + "); the change is safe in the journal");
        }
    }

    /**
     * Appends one journal line at {@code offset} (cutting a torn tail left there); the new end. A new
     * journal is fsync'd with its name at once; otherwise the caller fsyncs once it released the lock.
     */
    private long append(FileChannel channel, long offset, byte[] line) throws IOException {
        boolean created = channel.size() == 0 && offset == 0;
        if (channel.size() > offset) {
            channel.truncate(offset);
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long at = offset;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        if (created) {
            channel.force(false);
            syncDirectory(folderOf(file)); // the new journal's name is durable too
        }
        return at;
    }

    /** Writes {@code snapshot} as the document, then drops the journal it holds. */
    private void fold(BankSnapshot snapshot) throws IOException {
        write(snapshot);
        Files.deleteIfExists(journal);
        syncDirectory(folderOf(file));
        FileState state = stat();
        publish(new Loaded(state, state == null ? 0 : state.size(), null, 0, snapshot));
    }

    private @Nullable FileState stat() {
        try {
            return FileState.of(file);
        } catch (IOException e) {
            throw new BankFileException(file, "cannot be read: " + e, e);
        }
    }

    private Loaded load(@Nullable FileState state) {
        if (state == null) {
            return new Loaded(null, 0, null, 0, BankSnapshot.EMPTY);
        }
        if (state.size() == 0) {
            throw corrupt("is empty (0 bytes)", null);
        }
        // the mapper takes a while to start: on another thread while a large document is read and indexed
        java.util.concurrent.CompletableFuture<Void> mapper = state.size() >= readWholeBelow
                ? java.util.concurrent.CompletableFuture.runAsync(LessonJson::lessonReader) : null;
        BankDocument document;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] json = readFrom(channel, 0);
            if (mapper != null) {
                mapper.thenRunAsync(() -> BankDocument.warmUp(json));
            }
            document = BankDocument.index(json);
        } catch (NoSuchFileException raced) {
            return load(stat());
        } catch (AccessDeniedException e) {
            throw new BankFileException(file, "cannot be read: permission denied. Fix its permissions or pass another --bank file.", e);
        } catch (JsonProcessingException e) {
            throw corrupt(LessonJson.explain(e), e);
        } catch (IOException e) {
            throw new BankFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (document.schemaVersion() > LessonJson.SCHEMA_VERSION) {
            throw new BankFileException(file, "has schema version " + document.schemaVersion()
                    + " but this version of ReasoningBank reads up to " + LessonJson.SCHEMA_VERSION
                    + "; upgrade ReasoningBank. The file was left untouched.", null);
        }
        if (document.schemaVersion() < 1) {
            throw corrupt("has no schemaVersion; it does not look like a bank file", null);
        }
        BankSnapshot snapshot;
        try {
            snapshot = document.snapshot(problem -> corrupt(problem, null));
        } catch (IllegalArgumentException twoWithOneId) {
            throw corrupt("holds two lessons with the same id", twoWithOneId);
        }
        if (state.size() < readWholeBelow) {
            snapshot.lessons(); // a bank of ordinary size is read whole now, so a lesson that cannot be read is named at open
        }
        return new Loaded(state, state.size(), null, 0, snapshot);
    }

    private BankFileException corrupt(String problem, @Nullable Throwable cause) {
        return new BankFileException(file, problem + ". The file was left untouched: repair it, or move it aside "
                + "(e.g. mv " + file.getFileName() + " " + file.getFileName() + ".bad) to start a new bank.", cause);
    }

    private void write(BankSnapshot snapshot) throws IOException {
        removeStaleTempFiles();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
                writeDocument(snapshot, out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(folderOf(file));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The document, as {@link LessonJson#writeCompact} writes it, streamed: a lesson nobody read is copied as the old
     * document held it, so a fold reads no lesson it did not have to (and keeps one this version cannot read as it was).
     */
    static void writeDocument(BankSnapshot snapshot, java.io.OutputStream out) throws IOException {
        out.write(("{\"schemaVersion\":" + LessonJson.SCHEMA_VERSION + ",\"revision\":" + snapshot.revision() + ",\"lessons\":[")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        snapshot.writeTo(new BankSnapshot.DocumentWriter() {
            private boolean first = true;

            @Override
            public void lesson(Lesson lesson) throws IOException {
                json(LessonJson.writeCompact(lesson));
            }

            @Override
            public void json(byte[] lesson) throws IOException {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(lesson);
            }
        });
        out.write("]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
        }
    }

    /** Temp files of writers that were killed mid-write; safe to delete while we hold the lock. */
    private void removeStaleTempFiles() throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(file.getParent(), file.getFileName() + ".tmp-*")) {
            for (Path temp : stale) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
