package dev.reasoningbank.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on its own connection for the revisions other processes commit to one bank, on a daemon
 * thread, and reports them. After it connects, and after every silent heartbeat interval, it also
 * reads the bank's revision itself: a commit made while it was not listening is never missed, and a
 * connection that died silently is found out. When the connection is lost it reconnects with
 * exponential backoff; meanwhile {@link #listening()} is false and the store asks the database on
 * every snapshot.
 */
final class BankListener implements Runnable {

    private static final System.Logger LOG = System.getLogger(BankListener.class.getName());

    /** The application_name of the listening connections. */
    static final String APPLICATION_NAME = "ReasoningBank listener";

    private final DataSource dataSource;
    private final String bank;
    private final String where;
    private final PostgresLessonStore.Options options;
    private final LongConsumer revisions;
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile @Nullable Connection connection;
    /** The schema the tables are in, as the payload names it: two schemas may hold banks of one name. */
    private volatile String schema = "";
    private @Nullable Thread thread;
    private long lastHeard;

    BankListener(DataSource dataSource, String bank, String where, PostgresLessonStore.Options options, LongConsumer revisions) {
        this.dataSource = dataSource;
        this.bank = bank;
        this.where = where;
        this.options = options;
        this.revisions = revisions;
    }

    /** Whether notifications are arriving: false before the first connection and while reconnecting. */
    boolean listening() {
        return listening;
    }

    /** Connects (in the caller's thread, so that a failure reaches the caller) and starts listening in the background. */
    synchronized void start() throws SQLException {
        connect();
        Thread listener = new Thread(this, "reasoningbank-postgres-listener[" + bank + "]");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    /** Stops the thread and closes its connection; waits a little for it. */
    void stop() {
        stopped = true;
        Thread listener;
        synchronized (this) {
            listener = thread;
        }
        if (listener == null) {
            closeConnection();
            return;
        }
        listener.interrupt(); // ends a backoff sleep; a poll ends by itself within the poll interval
        try {
            listener.join(options.pollInterval().toMillis() * 4 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        long backoff = options.minBackoff().toMillis();
        try {
            while (!stopped) {
                try {
                    Connection current = connection;
                    if (current == null) {
                        connect();
                        LOG.log(Level.INFO, "ReasoningBank: listening again to bank '" + bank + "' at " + where);
                        backoff = options.minBackoff().toMillis();
                        continue;
                    }
                    poll(current);
                } catch (SQLException | RuntimeException e) {
                    if (stopped) {
                        break;
                    }
                    boolean wasListening = listening;
                    listening = false;
                    closeConnection();
                    if (wasListening) {
                        LOG.log(Level.WARNING, "ReasoningBank: lost the notification connection of bank '" + bank + "' at "
                                + where + " (" + e.getMessage() + "); reconnecting, and until then every snapshot() asks the database");
                    }
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        if (stopped) {
                            break;
                        }
                    }
                    backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
                }
            }
        } finally {
            listening = false;
            closeConnection();
        }
    }

    private void connect() throws SQLException {
        Connection opened = dataSource.getConnection();
        try {
            opened.setAutoCommit(true); // notifications arrive only between transactions
            PostgresLessonStore.limitNetworkWait(opened, options);
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + Schema.CHANNEL);
            }
            try (PreparedStatement name = opened.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                name.setString(1, APPLICATION_NAME); // how a DBA tells it in pg_stat_activity
                name.execute();
            }
            try (Statement current = opened.createStatement(); java.sql.ResultSet rs = current.executeQuery("SELECT current_schema()")) {
                schema = rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
            readRevision(opened); // what was committed before LISTEN took effect
        } catch (SQLException | RuntimeException e) {
            close(opened);
            throw e;
        }
        connection = opened;
        listening = true;
        lastHeard = System.nanoTime();
        if (stopped) {
            closeConnection();
        }
    }

    private void poll(Connection current) throws SQLException {
        PGNotification[] notifications = current.unwrap(PGConnection.class)
                .getNotifications((int) options.pollInterval().toMillis());
        long now = System.nanoTime();
        if (notifications != null && notifications.length > 0) {
            lastHeard = now;
            for (PGNotification notification : notifications) {
                accept(notification.getParameter());
            }
        } else if (now - lastHeard > options.heartbeat().toNanos()) {
            readRevision(current);
            lastHeard = now;
        }
    }

    /** A payload {@code "<revision> <schema>/<bank>"}: the revision if it is this bank's. */
    private void accept(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0 && payload.substring(space + 1).equals(schema + "/" + bank)) {
            try {
                revisions.accept(Long.parseLong(payload.substring(0, space)));
            } catch (NumberFormatException notOurs) {
                // another application on the channel: ignore
            }
        }
    }

    private void readRevision(Connection current) throws SQLException {
        try (PreparedStatement query = current.prepareStatement("SELECT revision FROM reasoningbank_banks WHERE name = ?")) {
            query.setString(1, bank);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    revisions.accept(rs.getLong(1));
                }
            }
        }
    }

    private void closeConnection() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            close(current);
        }
    }

    /** Hands the connection back as it was lent: a pooled one must not keep listening (nothing would read its notifications). */
    private static void close(Connection connection) {
        try (java.sql.Statement reset = connection.createStatement()) {
            reset.execute("UNLISTEN *");
            reset.execute("RESET application_name");
        } catch (SQLException | RuntimeException gone) {
            // a broken connection listens to nothing any more
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // it is gone either way
        }
    }
}
