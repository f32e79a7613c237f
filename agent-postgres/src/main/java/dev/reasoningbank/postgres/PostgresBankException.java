package dev.reasoningbank.postgres;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL bank cannot be used: the database is unreachable, refuses the user, lacks the
 * privileges to create the tables, was set up by a newer version, or holds a lesson that cannot be
 * read. The message names the bank and the JDBC URL (never its password), says what failed and how
 * to fix it. Unchecked, like {@link dev.reasoningbank.core.store.BankFileException}.
 */
public class PostgresBankException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String bank;
    private final String url;

    /**
     * @param bank the bank's name
     * @param url the JDBC URL without its password
     * @param problem what failed and how to fix it, as the end of a sentence that starts with the bank and URL
     * @param cause the driver's exception, if any
     */
    public PostgresBankException(String bank, String url, String problem, @Nullable Throwable cause) {
        super("PostgreSQL bank '" + bank + "' at " + url + " " + problem, cause);
        this.bank = bank;
        this.url = url;
    }

    /** The bank's name. */
    public String bank() {
        return bank;
    }

    /** The JDBC URL of the database, without its password. */
    public String url() {
        return url;
    }
}
