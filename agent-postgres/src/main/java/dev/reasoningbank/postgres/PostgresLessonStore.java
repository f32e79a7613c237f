package dev.reasoningbank.postgres;

import static dev.reasoningbank.core.internal.Checks.maxLength;
import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.BankSnapshot;
import dev.reasoningbank.core.store.LessonJson;
import dev.reasoningbank.core.store.LessonSet;
import dev.reasoningbank.core.store.LessonStore;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A bank in PostgreSQL, shared by a fleet of agents: any number of processes open the same bank
 * (by name; several banks share one database) and see each other's lessons within milliseconds.
 *
 * <pre>{@code
 * LessonStore store = PostgresLessonStore.open(dataSource, "support-agents");
 * }</pre>
 *
 * <ul>
 *   <li>The tables ({@code reasoningbank_banks}, {@code reasoningbank_lessons}, see the README) are
 *       created on first use, safely when several processes start at once. A lesson is one row whose
 *       JSONB document is the lesson as the bank file writes it, unknown fields included.
 *   <li>{@link #update} is one SQL transaction: it locks the bank's row ({@code SELECT ... FOR UPDATE}),
 *       reads the rows changed since the revision this process holds, runs the transaction on them,
 *       writes only the lessons it put or removed, bumps the revision and NOTIFYs the other processes.
 *       No update is lost, whatever the number of threads and processes; an update that returned is
 *       committed.
 *   <li>{@link #snapshot} costs nothing while nothing changed: a daemon thread LISTENs on its own
 *       connection, and a notification makes the next snapshot read the changed rows. While that
 *       connection is lost (it reconnects with backoff), every snapshot asks the database for the
 *       revision instead.
 *   <li>When the database goes away, {@link #snapshot} keeps returning the last lessons it read, so
 *       the agent keeps working on what it knows, and {@link #update} throws a
 *       {@link PostgresBankException} that says the change was not stored. Both recover by themselves
 *       when the database is back.
 * </ul>
 *
 * <p>A store holds two connections of the data source (one for reads and writes, one listening);
 * open one store per bank and process, and {@link #close()} it.
 */
public final class PostgresLessonStore implements LessonStore {

    private static final System.Logger LOG = System.getLogger(PostgresLessonStore.class.getName());

    /** The longest bank name. */
    public static final int MAX_BANK_NAME = 200;

    /** Timings; package-private so that tests can shorten them. */
    record Options(
            Duration pollInterval,
            Duration heartbeat,
            Duration minBackoff,
            Duration maxBackoff,
            Duration networkTimeout,
            Duration idleCheck,
            Duration refreshWait,
            long tombstonesKept,
            long pruneEvery) {

        static final Options DEFAULTS = new Options(
                Duration.ofMillis(500),     // a LISTEN poll; also how long close() may wait for the listener
                Duration.ofSeconds(10),     // silence after which the listener reads the revision itself
                Duration.ofMillis(100),     // first wait before reconnecting, doubled up to
                Duration.ofSeconds(5),      // the longest wait
                Duration.ofSeconds(30),     // a statement waiting longer on the network fails
                Duration.ofSeconds(30),     // a connection idle longer is validated before use
                Duration.ofSeconds(1),      // how long snapshot() waits for an update in progress before serving what it has
                1000,                       // revisions a removal is remembered for
                100);                       // revisions between prunings of older removals
    }

    private static final String LOCK_BANK = "SELECT revision FROM reasoningbank_banks WHERE name = ? FOR UPDATE";
    private static final String CREATE_BANK = "INSERT INTO reasoningbank_banks (name) VALUES (?) ON CONFLICT (name) DO NOTHING";
    private static final String CHANGES_SINCE = """
            SELECT b.revision, b.pruned_through, l.id, l.document::text, l.added_revision
            FROM reasoningbank_banks b
            LEFT JOIN reasoningbank_lessons l ON l.bank = b.name AND l.revision > ?
            WHERE b.name = ?
            ORDER BY l.ordinal""";
    private static final String ALL = """
            SELECT b.revision, l.id, l.document::text
            FROM reasoningbank_banks b
            LEFT JOIN reasoningbank_lessons l ON l.bank = b.name AND l.document IS NOT NULL
            WHERE b.name = ?
            ORDER BY l.ordinal""";
    // a lesson put again after its removal is a new lesson: it takes a new place in the order
    private static final String UPSERT = """
            INSERT INTO reasoningbank_lessons AS l (bank, id, document, revision, added_revision, ordinal)
            VALUES (?, ?, ?::jsonb, ?, ?, nextval('reasoningbank_lesson_order'))
            ON CONFLICT (bank, id) DO UPDATE SET
                document = EXCLUDED.document,
                revision = EXCLUDED.revision,
                added_revision = CASE WHEN l.document IS NULL THEN EXCLUDED.added_revision ELSE l.added_revision END,
                ordinal = CASE WHEN l.document IS NULL THEN EXCLUDED.ordinal ELSE l.ordinal END""";
    private static final String REMOVE =
            "UPDATE reasoningbank_lessons SET document = NULL, revision = ? WHERE bank = ? AND id = ANY (?) AND document IS NOT NULL";
    private static final String PRUNE =
            "DELETE FROM reasoningbank_lessons WHERE bank = ? AND document IS NULL AND revision <= ?";
    private static final String BUMP = "UPDATE reasoningbank_banks SET revision = ? WHERE name = ?";
    private static final String BUMP_AND_PRUNE =
            "UPDATE reasoningbank_banks SET revision = ?, pruned_through = GREATEST(pruned_through, ?) WHERE name = ?";
    private static final String NOTIFY = "SELECT pg_notify(?, ? || ' ' || current_schema() || '/' || ?)";

    private enum Stage { PREPARING, APPLYING, WRITING, COMMITTING }

    private final DataSource dataSource;
    private final String bank;
    private final String url;
    private final Options options;
    private final BankListener listener;
    /** Guards {@link #connection} and the cache's writes; one transaction of this store at a time. */
    private final ReentrantLock db = new ReentrantLock();
    private @Nullable Connection connection;
    private long connectionUsed;
    private int failedChecks;
    private volatile BankSnapshot cached = BankSnapshot.EMPTY;
    /** The highest revision of the bank heard of (notifications, the listener's own reads, our commits). */
    private final AtomicLong knownRevision = new AtomicLong();
    /** Set when the cache may be behind for a reason no revision tells (a failed read, a commit of unknown outcome). */
    private volatile boolean verify;
    /** After a failed read, snapshot() serves the cache without asking the database until then (System.nanoTime()). */
    private volatile long nextCheck = System.nanoTime();
    private volatile boolean unreachable;
    private volatile boolean closed;
    /** Lesson rows read from the database so far; for tests that check only changed rows are read. */
    private final AtomicLong rowsRead = new AtomicLong();

    private PostgresLessonStore(DataSource dataSource, String bank, String url, Options options) {
        this.dataSource = dataSource;
        this.bank = bank;
        this.url = url;
        this.options = options;
        this.listener = new BankListener(dataSource, bank, url, options, this::heard);
    }

    /**
     * Opens the bank named {@code bank} in the database of {@code dataSource}, creating the tables and
     * the bank if they are missing, and reads its lessons.
     *
     * @param dataSource a PostgreSQL data source (the driver's own, or a pool); never {@code null}
     * @param bank the bank's name: several banks share one database; at most {@value #MAX_BANK_NAME} characters
     * @throws PostgresBankException if the database cannot be reached or used; the message says why and what to check
     */
    public static PostgresLessonStore open(DataSource dataSource, String bank) {
        notNull(dataSource, "dataSource");
        return open(dataSource, bank, Failures.urlOf(dataSource), Options.DEFAULTS);
    }

    /**
     * Opens the bank named {@code bank} in the database at {@code jdbcUrl}, e.g.
     * {@code jdbc:postgresql://db.example.com:5432/agents}. Each call opens its own connections; with a
     * pool, use {@link #open(DataSource, String)}.
     *
     * @param user the user; {@code null} to take it from the URL or the driver's default
     * @param password the password; {@code null} to take it from the URL or none
     * @throws PostgresBankException if the database cannot be reached or used
     */
    public static PostgresLessonStore open(String jdbcUrl, @Nullable String user, @Nullable String password, String bank) {
        notBlank(jdbcUrl, "jdbcUrl");
        String shown = Failures.withoutPassword(jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, e.g. "
                    + "jdbc:postgresql://db.example.com:5432/agents, but was " + shown);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jdbcUrl is not a valid PostgreSQL JDBC URL: " + shown
                    + "; e.g. jdbc:postgresql://db.example.com:5432/agents");
        }
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return open(dataSource, bank, shown, Options.DEFAULTS);
    }

    static PostgresLessonStore open(DataSource dataSource, String bank, String url, Options options) {
        notNull(dataSource, "dataSource");
        maxLength(notBlank(bank, "bank"), MAX_BANK_NAME, "bank");
        PostgresLessonStore store = new PostgresLessonStore(dataSource, bank, url, options);
        try {
            store.load();
            store.listener.start();
        } catch (SQLException e) {
            store.close();
            throw store.failure("cannot be opened: " + Failures.explain(e) + ". " + Failures.hint(e), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void load() throws SQLException {
        db.lock();
        try {
            Connection c = connection();
            try {
                Schema.ensure(c, bank);
                BankSnapshot loaded = read(c, null);
                c.commit();
                install(loaded);
            } catch (Schema.TooNewException e) {
                throw failure("was set up by a newer version of ReasoningBank (schema version " + e.version
                        + "; this version knows up to " + Schema.VERSION + "). Upgrade ReasoningBank; nothing was changed.", null);
            } catch (SQLException | RuntimeException e) {
                discard();
                throw e;
            }
        } finally {
            db.unlock();
        }
    }

    /** The bank's name. */
    public String bank() {
        return bank;
    }

    /**
     * The lessons as this process last read them, brought up to date first if another process
     * committed since (it was notified) or if notifications are not arriving. While the database is
     * unreachable: the last lessons read, without waiting for the database on every call.
     */
    @Override
    public BankSnapshot snapshot() {
        BankSnapshot current = cached;
        if (closed || !mayBeBehind(current) || System.nanoTime() - nextCheck < 0) {
            return current;
        }
        refresh();
        return cached;
    }

    private boolean mayBeBehind(BankSnapshot current) {
        return verify || knownRevision.get() > current.revision() || !listener.listening();
    }

    private void refresh() {
        if (db.isHeldByCurrentThread()) {
            return; // called from inside this thread's update(): its transaction must not be committed here
        }
        try {
            if (!db.tryLock(options.refreshWait().toMillis(), TimeUnit.MILLISECONDS)) {
                return; // an update is running, and it brings the cache up to date
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            BankSnapshot current = cached;
            if (closed || !mayBeBehind(current)) {
                return;
            }
            verify = false;
            for (int attempt = 1; ; attempt++) {
                boolean reused = connection != null;
                Connection c = connection();
                try {
                    BankSnapshot fresh = read(c, current);
                    c.commit();
                    install(fresh);
                    break;
                } catch (SQLException e) {
                    discard();
                    if (!(reused && attempt == 1 && Failures.isConnectionLoss(e))) {
                        throw e;
                    } // else the connection died while idle (e.g. the server restarted): take a new one
                } catch (RuntimeException e) {
                    discard();
                    throw e;
                }
            }
            reachable();
        } catch (SQLException e) {
            verify = true;
            failedChecks++;
            long wait = Math.min(options.minBackoff().toNanos() << Math.min(failedChecks - 1, 20), options.maxBackoff().toNanos());
            nextCheck = System.nanoTime() + wait;
            if (!unreachable) {
                unreachable = true;
                LOG.log(Level.WARNING, "ReasoningBank: " + describe() + " cannot be read: " + Failures.explain(e)
                        + "; serving the last lessons read (revision " + cached.revision() + ") until it is back. "
                        + Failures.hint(e));
            }
        } finally {
            db.unlock();
        }
    }

    private void reachable() {
        failedChecks = 0;
        nextCheck = System.nanoTime();
        if (unreachable) {
            unreachable = false;
            LOG.log(Level.INFO, "ReasoningBank: " + describe() + " is reachable again (revision " + cached.revision() + ")");
        }
    }

    /**
     * Runs {@code transaction} on the latest lessons of the bank in one SQL transaction that holds the
     * bank's row lock, so that it is atomic with respect to every thread and process, and commits what
     * it put and removed. If it throws, nothing is written.
     *
     * @throws PostgresBankException if the database cannot be reached or fails; the change was then not
     *     stored, except when the connection broke while committing, which the message says
     */
    @Override
    public <R> R update(Function<LessonSet, R> transaction) {
        notNull(transaction, "transaction");
        if (db.isHeldByCurrentThread()) {
            throw new IllegalStateException("update() was called inside a transaction of " + describe()
                    + "; make the change in the outer transaction");
        }
        db.lock();
        try {
            if (closed) {
                throw new IllegalStateException(describe() + " is closed");
            }
            for (int attempt = 1; ; attempt++) {
                boolean reused = connection != null;
                Connection c;
                try {
                    c = connection();
                } catch (SQLException e) {
                    throw notStored(e);
                }
                Stage stage = Stage.PREPARING;
                long next = 0;
                try {
                    BankSnapshot current = lockAndCatchUp(c);
                    install(current);
                    LessonSet working = new LessonSet(current);
                    stage = Stage.APPLYING;
                    R result = transaction.apply(working);
                    if (!working.changed()) {
                        rollback(c); // releases the bank's lock
                        return result;
                    }
                    stage = Stage.WRITING;
                    next = current.revision() + 1;
                    write(c, working, next);
                    stage = Stage.COMMITTING;
                    c.commit();
                    install(working.commit(next));
                    reachable();
                    return result;
                } catch (SQLException e) {
                    discard();
                    if (stage == Stage.PREPARING && reused && attempt == 1 && Failures.isConnectionLoss(e)) {
                        continue; // the connection died while idle (e.g. the server restarted): nothing ran yet, take a new one
                    }
                    if (stage == Stage.COMMITTING) {
                        verify = true;
                        throw failure("lost the connection while committing revision " + next + ": "
                                + Failures.explain(e) + ". The change may or may not be stored; snapshot() shows which"
                                + " once the database is reachable. " + Failures.hint(e), e);
                    }
                    throw notStored(e);
                } catch (RuntimeException | Error e) {
                    rollback(c); // the transaction threw: nothing is written
                    throw e;
                }
            }
        } finally {
            db.unlock();
        }
    }

    private PostgresBankException notStored(SQLException e) {
        return failure("cannot be updated: " + Failures.explain(e) + ". The change was not stored; snapshot() still serves"
                + " the last lessons read (revision " + cached.revision() + "). " + Failures.hint(e), e);
    }

    /** Locks the bank's row (creating it if it was deleted) and returns the lessons as they are now. */
    private BankSnapshot lockAndCatchUp(Connection c) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement lock = c.prepareStatement(LOCK_BANK)) {
                lock.setString(1, bank);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next()) {
                        long revision = rs.getLong(1);
                        BankSnapshot current = cached;
                        return revision == current.revision() ? current : read(c, current);
                    }
                }
            }
            try (PreparedStatement create = c.prepareStatement(CREATE_BANK)) {
                create.setString(1, bank);
                create.executeUpdate();
            }
        }
        throw new SQLException("the row of bank '" + bank + "' in reasoningbank_banks disappears as soon as it is created");
    }

    /**
     * The lessons as the database holds them now: {@code since} and the rows changed after its
     * revision, or, without {@code since} or when removals that old were pruned, every row. Each query
     * is one statement, so it reads one consistent state.
     */
    private BankSnapshot read(Connection c, @Nullable BankSnapshot since) throws SQLException {
        if (since != null) {
            try (PreparedStatement query = c.prepareStatement(CHANGES_SINCE)) {
                query.setLong(1, since.revision());
                query.setString(2, bank);
                query.setFetchSize(1000);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        long revision = rs.getLong(1);
                        long prunedThrough = rs.getLong(2);
                        if (revision == since.revision()) {
                            return since;
                        }
                        if (revision > since.revision() && since.revision() >= prunedThrough) {
                            return applyChanges(since, revision, rs);
                        }
                    }
                }
            }
        }
        try (PreparedStatement query = c.prepareStatement(ALL)) {
            query.setString(1, bank);
            query.setFetchSize(1000);
            try (ResultSet rs = query.executeQuery()) {
                long revision = 0;
                List<Lesson> lessons = new ArrayList<>();
                while (rs.next()) {
                    revision = rs.getLong(1);
                    String id = rs.getString(2);
                    if (id != null) {
                        rowsRead.incrementAndGet();
                        lessons.add(parse(id, rs.getString(3)));
                    }
                }
                return new BankSnapshot(revision, lessons);
            }
        }
    }

    private BankSnapshot applyChanges(BankSnapshot since, long revision, ResultSet rs) throws SQLException {
        List<Lesson> upserts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        do {
            String id = rs.getString(3);
            if (id == null) {
                continue; // the bank's row alone: no lesson changed
            }
            rowsRead.incrementAndGet();
            String document = rs.getString(4);
            if (document == null) {
                removals.add(id);
            } else {
                if (rs.getLong(5) > since.revision() && since.find(id).isPresent()) {
                    removals.add(id); // removed and put again since: it moves to the end, as it does in the database
                }
                upserts.add(parse(id, document));
            }
        } while (rs.next());
        return since.with(revision, upserts, removals);
    }

    private Lesson parse(String id, @Nullable String document) {
        if (document == null) {
            throw new IllegalStateException("lesson " + id + " has no document");
        }
        Lesson lesson;
        try {
            lesson = LessonJson.mapper().readValue(document, Lesson.class);
        } catch (JsonProcessingException e) {
            throw corrupt(id, LessonJson.explain(e).replaceFirst("^is not a valid bank document", "is not a valid lesson"), e);
        }
        if (!lesson.id().equals(id)) {
            throw corrupt(id, "holds a document whose id is '" + lesson.id() + "'", null);
        }
        return lesson;
    }

    private PostgresBankException corrupt(String id, String problem, @Nullable Throwable cause) {
        return failure("cannot be read: lesson '" + id + "' " + problem + ". Nothing was changed: repair its document,"
                + " or delete it (DELETE FROM reasoningbank_lessons WHERE bank = '" + bank.replace("'", "''")
                + "' AND id = '" + id.replace("'", "''") + "').", cause);
    }

    private void write(Connection c, LessonSet working, long revision) throws SQLException {
        List<Lesson> upserts = working.upserts();
        if (!upserts.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (Lesson lesson : upserts) {
                    upsert.setString(1, bank);
                    upsert.setString(2, lesson.id());
                    upsert.setString(3, json(lesson));
                    upsert.setLong(4, revision);
                    upsert.setLong(5, revision);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        Set<String> removals = working.removals();
        if (!removals.isEmpty()) {
            try (PreparedStatement remove = c.prepareStatement(REMOVE)) {
                remove.setLong(1, revision);
                remove.setString(2, bank);
                remove.setArray(3, c.createArrayOf("text", removals.toArray()));
                remove.executeUpdate();
            }
        }
        long prunedThrough = revision - options.tombstonesKept();
        if (revision % options.pruneEvery() == 0 && prunedThrough > 0) {
            try (PreparedStatement prune = c.prepareStatement(PRUNE)) {
                prune.setString(1, bank);
                prune.setLong(2, prunedThrough);
                prune.executeUpdate();
            }
            try (PreparedStatement bump = c.prepareStatement(BUMP_AND_PRUNE)) {
                bump.setLong(1, revision);
                bump.setLong(2, prunedThrough);
                bump.setString(3, bank);
                bump.executeUpdate();
            }
        } else {
            try (PreparedStatement bump = c.prepareStatement(BUMP)) {
                bump.setLong(1, revision);
                bump.setString(2, bank);
                bump.executeUpdate();
            }
        }
        try (PreparedStatement notify = c.prepareStatement(NOTIFY)) {
            notify.setString(1, Schema.CHANNEL);
            notify.setString(2, Long.toString(revision)); // delivered on commit
            notify.setString(3, bank);
            notify.execute();
        }
    }

    private static String json(Lesson lesson) {
        try {
            return LessonJson.mapper().writeValueAsString(lesson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lesson " + lesson.id() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Called with the lock held: each install reads or writes the database after the previous one, so it is never older. */
    private void install(BankSnapshot snapshot) {
        if (snapshot.revision() < cached.revision()) {
            knownRevision.set(snapshot.revision()); // the bank was dropped and made again: its revisions start over
        }
        cached = snapshot;
        heard(snapshot.revision());
    }

    private void heard(long revision) {
        knownRevision.accumulateAndGet(revision, Math::max);
    }

    /** The store's connection (the lock held), opened or replaced as needed. */
    private Connection connection() throws SQLException {
        Connection c = connection;
        if (c != null && System.nanoTime() - connectionUsed > options.idleCheck().toNanos() && !isValid(c)) {
            discard();
            c = null;
        }
        if (c == null) {
            Connection opened = dataSource.getConnection();
            try {
                opened.setAutoCommit(false);
                // whatever a pool's default: the bank's row lock orders the transactions, and a later statement sees what committed before
                opened.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                limitNetworkWait(opened, options);
            } catch (SQLException | RuntimeException e) {
                close(opened);
                throw e;
            }
            connection = opened;
            c = opened;
        }
        connectionUsed = System.nanoTime();
        return c;
    }

    /** Makes a statement fail rather than wait forever on a network that went silent. */
    static void limitNetworkWait(Connection c, Options options) throws SQLException {
        try {
            c.setNetworkTimeout(Runnable::run, (int) options.networkTimeout().toMillis());
        } catch (SQLFeatureNotSupportedException notSupported) {
            // a pool that does not pass it on: the driver's own timeouts apply
        }
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            discard();
        }
    }

    private void discard() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            close(c);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // it is gone either way
        }
    }

    private PostgresBankException failure(String problem, @Nullable Throwable cause) {
        return new PostgresBankException(bank, url, problem, cause);
    }

    /** {@code PostgreSQL bank 'support' at jdbc:postgresql://db:5432/agents}, without the password. */
    @Override
    public String describe() {
        return "PostgreSQL bank '" + bank + "' at " + url;
    }

    /** Stops listening and closes the store's connections; snapshot() then serves the last lessons read, update() fails. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.stop();
        db.lock();
        try {
            discard();
        } finally {
            db.unlock();
        }
    }

    /** Whether the notification connection is up; for tests. */
    boolean listening() {
        return listener.listening();
    }

    /** How many lesson rows this store has read from the database; for tests. */
    long rowsRead() {
        return rowsRead.get();
    }

    @Override
    public String toString() {
        return describe();
    }
}
