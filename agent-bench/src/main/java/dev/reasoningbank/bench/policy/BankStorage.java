package dev.reasoningbank.bench.policy;

import dev.reasoningbank.core.store.InMemoryLessonStore;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.store.LessonStore;
import dev.reasoningbank.postgres.PostgresLessonStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a policy's bank lives: in memory, in a JSON bank file (so that memorize pays for its durable
 * append, and a policy created again over the same file is a restart), or in a PostgreSQL bank.
 */
public sealed interface BankStorage {

    String MEMORY = "memory";
    String FILE = "file";

    /** Opens the bank; a second open of the same storage sees what the first one wrote. */
    LessonStore open();

    /** Removes what the bank wrote, once the run is over. */
    void discard();

    /** A bank in memory, empty at every open. */
    static BankStorage memory() {
        return new Memory();
    }

    /** A JSON bank file (and its journal). */
    static BankStorage file(Path file) {
        return new File(file);
    }

    /** A bank of this name in the PostgreSQL database at {@code jdbcUrl}; user and password from PGUSER and PGPASSWORD. */
    static BankStorage postgres(String jdbcUrl, String bank) {
        return new Postgres(jdbcUrl, bank);
    }

    /**
     * The storage {@code spec} names ({@code memory}, {@code file} or a {@code jdbc:postgresql:} URL) for a
     * bank called {@code name}; a file bank goes in {@code folder}.
     */
    static BankStorage of(String spec, Path folder, String name) {
        check(spec);
        if (spec.equals(MEMORY)) {
            return memory();
        }
        return spec.equals(FILE) ? file(folder.resolve(name + ".json")) : postgres(spec, name);
    }

    /** The kind of storage a spec names, never its URL (which may carry a password): memory, file or postgresql. */
    static String kindOf(String spec) {
        check(spec);
        return spec.startsWith("jdbc:") ? "postgresql" : spec;
    }

    /** Refuses a spec that names no storage, saying which ones there are. */
    static void check(String spec) {
        if (!MEMORY.equals(spec) && !FILE.equals(spec) && (spec == null || !spec.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("the bank store must be 'memory', 'file' or a PostgreSQL URL (jdbc:postgresql://host/db) but was '"
                    + spec + "'");
        }
    }

    record Memory() implements BankStorage {
        @Override
        public LessonStore open() {
            return new InMemoryLessonStore();
        }

        @Override
        public void discard() {}
    }

    record File(Path file) implements BankStorage {
        @Override
        public LessonStore open() {
            return JsonFileLessonStore.open(file);
        }

        @Override
        public void discard() {
            try {
                for (String suffix : new String[] {"", ".journal", ".lock"}) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the bench's bank file " + file, e);
            }
        }
    }

    record Postgres(String jdbcUrl, String bank) implements BankStorage {
        @Override
        public LessonStore open() {
            return PostgresLessonStore.open(jdbcUrl, System.getenv("PGUSER"), System.getenv("PGPASSWORD"), bank);
        }

        @Override
        public void discard() {
            try (LessonStore store = open()) {
                store.update(set -> {
                    set.all().stream().map(l -> l.id()).toList().forEach(set::remove);
                    return null;
                });
            }
        }
    }
}
