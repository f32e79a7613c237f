package dev.reasoningbank.postgres;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** What a driver exception means, in words, with what to check; and URLs safe to print. */
final class Failures {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;?]*password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?]*@");

    private Failures() {}

    /** The URL with the value of every {@code ...password=} parameter and any user info replaced by {@code ***}. */
    static String withoutPassword(String url) {
        return USER_INFO.matcher(PASSWORD_PARAMETER.matcher(url).replaceAll("$1***")).replaceAll("$1***@");
    }

    /**
     * The JDBC URL of a data source, without its password: the PostgreSQL driver's data sources and the
     * common pools (HikariCP, DBCP, c3p0) say it through a getter; otherwise its class.
     */
    static String urlOf(DataSource dataSource) {
        for (String getter : new String[] {"getUrl", "getJdbcUrl", "getURL"}) {
            try {
                Method method = dataSource.getClass().getMethod(getter);
                if (method.getReturnType() == String.class && method.invoke(dataSource) instanceof String url && !url.isBlank()) {
                    return withoutPassword(url);
                }
            } catch (ReflectiveOperationException | RuntimeException notThisOne) {
                // try the next getter
            }
        }
        return "the database of " + dataSource.getClass().getName();
    }

    /** Whether the connection broke (rather than the statement failing): the connection must be replaced. */
    static boolean isConnectionLoss(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, in words: {@code "the server cannot be reached (Connection refused)"}. */
    static String explain(SQLException e) {
        Throwable root = rootOf(e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (root instanceof UnknownHostException) {
            return "the server's host is unknown (" + root.getMessage() + ")";
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return "the server cannot be reached (" + messageOf(root) + ")";
        }
        if (root instanceof SocketTimeoutException) {
            return "the server did not answer in time (" + messageOf(root) + ")";
        }
        if (state.startsWith("28")) {
            return "the server refused the user (" + e.getMessage() + ")";
        }
        if (state.equals("3D000")) {
            return "the database does not exist (" + e.getMessage() + ")";
        }
        if (state.equals("42501")) {
            return "the user lacks a privilege the store needs (" + e.getMessage() + ")";
        }
        if (state.equals("53300")) {
            return "the server has no connection left (" + e.getMessage() + ")";
        }
        if (state.equals("57P03")) {
            return "the server is starting up or shutting down (" + e.getMessage() + ")";
        }
        if (state.startsWith("57P")) {
            return "the server ended the connection (" + e.getMessage() + ")";
        }
        if (isConnectionLoss(e)) {
            return "the connection to the server was lost (" + messageOf(root) + ")";
        }
        return "the database answered: " + e.getMessage() + (state.isEmpty() ? "" : " (SQLState " + state + ")");
    }

    /** What to check or do about it, as one or two sentences. */
    static String hint(SQLException e) {
        Throwable root = rootOf(e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return "Check the user and the password (not shown here) and the server's pg_hba.conf.";
        }
        if (state.equals("3D000")) {
            return "Create the database (CREATE DATABASE ...) or fix its name in the URL.";
        }
        if (state.equals("42501")) {
            return "The first store to open creates the tables, which needs the CREATE privilege on the schema;"
                    + " or let the schema's owner open it once, then GRANT SELECT, INSERT, UPDATE, DELETE ON"
                    + " reasoningbank_schema, reasoningbank_banks, reasoningbank_lessons and USAGE ON SEQUENCE"
                    + " reasoningbank_lesson_order to this user.";
        }
        if (state.equals("53300")) {
            return "Each store holds two connections: raise max_connections or share one store per process.";
        }
        if (root instanceof UnknownHostException) {
            return "Check the host name in the URL and the DNS of this machine.";
        }
        if (isConnectionLoss(e) || root instanceof IOException) {
            return "Check that PostgreSQL is running and accepts TCP connections at this host and port"
                    + " (listen_addresses, firewall, pg_hba.conf), and that the URL is right.";
        }
        return "Check the database's log for this error.";
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String messageOf(Throwable t) {
        @Nullable String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
