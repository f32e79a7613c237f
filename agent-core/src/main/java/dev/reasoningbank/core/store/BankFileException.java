package dev.reasoningbank.core.store;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A bank file cannot be used: unreadable, not valid JSON, written by a newer version, or holding an
 * invalid lesson. The file is left exactly as it was; the message names it, says what is wrong and
 * how to recover.
 */
public class BankFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public BankFileException(Path file, String problem, @Nullable Throwable cause) {
        super("Bank file " + file + " " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
