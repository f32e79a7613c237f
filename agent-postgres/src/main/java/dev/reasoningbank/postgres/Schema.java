package dev.reasoningbank.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables, in the connection's current schema ({@code search_path}):
 *
 * <pre>
 * reasoningbank_schema   (version)                                the layout's version: 1
 * reasoningbank_banks    (name, revision, pruned_through)         one row per bank
 * reasoningbank_lessons  (bank, id, document, revision,           one row per lesson; document is the lesson
 *                         added_revision, ordinal)                as LessonJson writes it, NULL once removed
 * </pre>
 *
 * A removed lesson stays as a row without a document (a tombstone) so that other processes, reading
 * only the rows changed since the revision they hold, learn of the removal; tombstones older than a
 * thousand revisions are deleted, and {@code pruned_through} tells a process holding an older
 * revision to read the whole bank instead.
 */
final class Schema {

    /** The layout this code writes and reads. */
    static final int VERSION = 1;

    /** The NOTIFY channel; the payload is {@code "<revision> <schema>/<bank>"}. */
    static final String CHANNEL = "reasoningbank";

    /** Serializes the creation of the tables when several processes start at once (an arbitrary constant: "RBSCHEMA"). */
    private static final long CREATE_LOCK = 0x5242_5343_4845_4D41L;

    private static final List<String> CREATE = List.of(
            "CREATE TABLE IF NOT EXISTS reasoningbank_schema (version integer PRIMARY KEY)",
            """
            CREATE TABLE IF NOT EXISTS reasoningbank_banks (
                name text PRIMARY KEY,
                revision bigint NOT NULL DEFAULT 0,
                pruned_through bigint NOT NULL DEFAULT 0)""",
            "CREATE SEQUENCE IF NOT EXISTS reasoningbank_lesson_order",
            """
            CREATE TABLE IF NOT EXISTS reasoningbank_lessons (
                bank text NOT NULL REFERENCES reasoningbank_banks (name) ON DELETE CASCADE,
                id text NOT NULL,
                document jsonb,
                revision bigint NOT NULL,
                added_revision bigint NOT NULL,
                ordinal bigint NOT NULL,
                PRIMARY KEY (bank, id))""",
            "CREATE INDEX IF NOT EXISTS reasoningbank_lessons_changes ON reasoningbank_lessons (bank, revision)",
            "COMMENT ON TABLE reasoningbank_banks IS 'ReasoningBank: one row per bank; revision increases with every change'",
            "COMMENT ON TABLE reasoningbank_lessons IS 'ReasoningBank: one row per lesson; document NULL marks a lesson removed at revision'",
            "COMMENT ON COLUMN reasoningbank_lessons.document IS 'the lesson as ReasoningBank writes it in JSON (unknown fields are kept)'",
            "COMMENT ON COLUMN reasoningbank_lessons.ordinal IS 'the order lessons were first learned in'",
            "INSERT INTO reasoningbank_schema (version) VALUES (" + VERSION + ") ON CONFLICT DO NOTHING");

    /** The version of the tables, when a newer version of ReasoningBank made them. */
    static final class TooNewException extends Exception {
        private static final long serialVersionUID = 1L;
        final int version;

        TooNewException(int version) {
            super("schema version " + version);
            this.version = version;
        }
    }

    private Schema() {}

    /**
     * Creates the tables if one is missing and the bank's row if it is missing, and commits. Safe when
     * several processes do it at once: the creation runs under a transaction-scoped advisory lock, and
     * a database whose tables exist needs no privilege beyond reading and writing them.
     */
    static void ensure(Connection connection, String bank) throws SQLException, TooNewException {
        try (Statement statement = connection.createStatement()) {
            if (!exists(statement)) {
                statement.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
                if (!exists(statement)) { // another process may have made them while we waited for the lock
                    for (String sql : CREATE) {
                        statement.execute(sql);
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT max(version) FROM reasoningbank_schema")) {
                int version = rs.next() ? rs.getInt(1) : 0;
                if (version > VERSION) {
                    connection.rollback();
                    throw new TooNewException(version);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reasoningbank_banks (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
            insert.setString(1, bank);
            insert.executeUpdate();
        }
        connection.commit();
    }

    private static boolean exists(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT to_regclass('reasoningbank_schema') IS NOT NULL"
                + " AND to_regclass('reasoningbank_banks') IS NOT NULL"
                + " AND to_regclass('reasoningbank_lessons') IS NOT NULL"
                + " AND to_regclass('reasoningbank_lesson_order') IS NOT NULL"
                + " AND to_regclass('reasoningbank_lessons_changes') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
