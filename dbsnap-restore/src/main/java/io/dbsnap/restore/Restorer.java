package io.dbsnap.restore;

import io.dbsnap.connection.Transaction;
import io.dbsnap.dumper.internal.read.LockHolders;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.restore.script.ScriptReader;
import io.dbsnap.restore.script.ScriptStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a snapshot script (dbsnap's, or a plain-format file of pg_dump) in ONE transaction:
 * either every statement takes effect or none does. DDL goes to the server in batches, COPY rows
 * stream from the script into {@code COPY ... FROM STDIN} without being held in memory.
 *
 * <p>The psql meta-commands of pg_dump output are handled as psql would for this one database:
 * {@code \restrict}/<code>&#92;unrestrict</code> are ignored, {@code \connect} is accepted only when it names
 * the database being restored and no other user, host or port. {@code BEGIN}/{@code COMMIT} in the script (pg_dump writes them
 * around large objects) are skipped: the whole script is already one transaction. Afterwards the
 * connection's session settings are reset ({@code RESET ALL}), since a script changes some.
 *
 * <p>Whatever is thrown, an {@link Error} such as {@link OutOfMemoryError} too, the transaction is
 * rolled back before anything else ({@link Transaction}); a restore (not a migration, which sets
 * its own) waits at most its lock timeout for a lock and then fails with
 * {@link LockNotAvailableException}, naming who holds it.
 */
public final class Restorer {

    private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);
    private static final int STATEMENT_EXCERPT = 200;
    /** {@code SET [SESSION | LOCAL] lock_timeout ...}, which pg_dump and dbsnap scripts start with. */
    private static final Pattern SETS_LOCK_TIMEOUT = Pattern.compile("SET\\s+((SESSION|LOCAL)\\s+)?lock_timeout\\b",
            Pattern.CASE_INSENSITIVE);
    /** What to do when the connection was lost during the COMMIT and its outcome is unknown. */
    private static final String HOW_TO_CHECK = "Check which: compare the database with what was restored (for a"
            + " snapshot: dbsnap verify SNAPSHOT --url URL), or look at the database, before doing anything else.";

    /** What messages call the run: "restore", "migration", "dry run". */
    private final String operation;
    /** The restore's lock_timeout; empty when the caller sets its own (a migration). */
    private final Optional<Duration> lockTimeout;
    /** The least {@code maintenance_work_mem} the transaction takes, in MB; 0 keeps the server's. */
    private final int maintenanceWorkMemMegabytes;

    /** A restorer of snapshots and {@code pg_dump} files, waiting at most {@link RestoreOptions#DEFAULT_LOCK_TIMEOUT} for a lock. */
    public Restorer() {
        this(RestoreOptions.DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * A restorer that waits at most {@code lockTimeout} for a lock another session holds, then
     * fails with {@link LockNotAvailableException} naming the session; nothing is changed. The
     * script's own {@code SET lock_timeout} (pg_dump and dbsnap write {@code SET lock_timeout = 0})
     * is skipped, so that it cannot lift the limit.
     */
    public Restorer(Duration lockTimeout) {
        this(lockTimeout, RestoreOptions.DEFAULT_MAINTENANCE_WORK_MEM_MB);
    }

    /**
     * A restorer as {@link #Restorer(Duration)} whose transaction takes at least
     * {@code maintenanceWorkMemMegabytes} of {@code maintenance_work_mem} for its index builds
     * (0 keeps the server's), see {@link RestoreOptions#maintenanceWorkMemMegabytes()}.
     */
    public Restorer(Duration lockTimeout, int maintenanceWorkMemMegabytes) {
        this("restore", Optional.of(lockTimeout), RestoreOptions.checkMaintenanceWorkMem(maintenanceWorkMemMegabytes));
    }

    /** A restorer whose messages name the work it does, such as "migration", which sets its own lock timeout. */
    Restorer(String operation) {
        this(operation, Optional.empty(), RestoreOptions.DEFAULT_MAINTENANCE_WORK_MEM_MB);
    }

    private Restorer(String operation, Optional<Duration> lockTimeout, int maintenanceWorkMemMegabytes) {
        this.operation = operation;
        this.lockTimeout = lockTimeout;
        this.maintenanceWorkMemMegabytes = maintenanceWorkMemMegabytes;
    }

    /** Restores a script file, plain or gzip-compressed. */
    public RestoreResult restore(Connection connection, Path script) {
        try (ScriptReader reader = ScriptReader.open(script)) {
            return restore(connection, reader);
        }
    }

    /** Restores a script read from {@code script} (UTF-8), which is closed at the end. */
    public RestoreResult restore(Connection connection, InputStream script) {
        try (ScriptReader reader = new ScriptReader(script)) {
            return restore(connection, reader);
        }
    }

    /**
     * Work done inside the restore's transaction before the script runs; if it throws, the
     * transaction is rolled back as for a failing statement.
     */
    interface BeforeScript {
        void run(Connection connection) throws SQLException;
    }

    RestoreResult restore(Connection connection, ScriptReader reader) {
        return restore(connection, reader, c -> { });
    }

    /** Reads the database inside the script's transaction after the script ran, before it ends. */
    interface Inspection<T> {
        T inspect(Connection connection) throws SQLException;
    }

    /** What a try-out found: the script's counts and what the inspection read. */
    record TryOut<T>(RestoreResult result, T inspected) {
    }

    RestoreResult restore(Connection connection, ScriptReader reader, BeforeScript before) {
        return restore(connection, reader, before, statement -> false);
    }

    /** Like a restore, leaving out the statements {@code leaveOut} picks; they are not run at all. */
    RestoreResult restore(Connection connection, ScriptReader reader, BeforeScript before,
                          Predicate<ScriptStatement> leaveOut) {
        return run(connection, reader, before, leaveOut, null).result();
    }

    /**
     * Runs the script in a transaction, inspects the database it made and rolls the transaction
     * back: the database is left as it was, whether the script succeeds or fails.
     */
    <T> TryOut<T> tryOut(Connection connection, ScriptReader reader, BeforeScript before,
                         Predicate<ScriptStatement> leaveOut, Inspection<T> inspection) {
        return run(connection, reader, before, leaveOut, inspection);
    }

    /**
     * Commits at the end when {@code inspection} is null, else inspects and rolls back. Whatever
     * is thrown on the way, an {@link Error} too, the transaction is rolled back first
     * ({@link Transaction}).
     */
    private <T> TryOut<T> run(Connection connection, ScriptReader reader, BeforeScript before,
                              Predicate<ScriptStatement> leaveOut, Inspection<T> inspection) {
        long start = System.nanoTime();
        Progress progress = new Progress();
        Transaction.Work<T, StatementBatch.Failure> work = c -> {
            if (lockTimeout.isPresent()) {
                // first, before anything that may wait: reading the catalog waits too
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = " + Math.max(1, lockTimeout.get().toMillis()));
                }
            }
            // SET LOCAL: ends with the transaction, whichever way it ends
            MaintenanceSettings.raise(c, maintenanceWorkMemMegabytes);
            prepare(c, before);
            runAll(c, reader, progress, leaveOut);
            return inspection == null ? null : inspect(c, inspection);
        };
        try {
            T inspected = inspection == null
                    ? Transaction.commit(connection, operation, HOW_TO_CHECK, work)
                    : Transaction.rollBack(connection, work);
            return new TryOut<>(new RestoreResult(progress.statements, progress.rows, progress.rowsByTable,
                    Duration.ofNanos(System.nanoTime() - start)), inspected);
        } catch (StatementBatch.Failure f) {
            if (lockTimedOut(f.cause.getSQLState())) {
                throw lockNotAvailable(connection, f.statement, f.cause);
            }
            throw failed(f.statement, f.cause);
        } catch (RestoreFailedException e) {
            if (lockTimedOut(e.sqlState())) {
                throw lockNotAvailable(connection, null, e);
            }
            throw e;
        } catch (SQLException e) {
            if (lockTimedOut(e.getSQLState())) {
                throw lockNotAvailable(connection, null, e);
            }
            throw new RestoreFailedException("The " + operation + " could not be " + (inspection == null ? "committed"
                    : "rolled back") + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + "). It was rolled back;"
                    + " the database is as it was before.", 0, 0, String.valueOf(e.getSQLState()), e);
        } finally {
            resetSettings(connection);
        }
    }

    /**
     * A script sets session settings (search_path, client_min_messages, ...) that must not
     * outlive it on a connection its caller goes on using. Only on a connection whose transaction
     * has ended: one the rollback could not end was closed.
     */
    private static void resetSettings(Connection connection) {
        try {
            if (connection.isClosed()) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("RESET ALL");
            }
        } catch (SQLException e) {
            LOG.warn("Could not reset the connection's settings after the restore: {}", e.getMessage());
        }
    }

    private void prepare(Connection connection, BeforeScript before) {
        try {
            before.run(connection);
        } catch (SQLException e) {
            throw new RestoreFailedException("Could not prepare the database for the " + operation + ": " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + "). The " + operation + " was rolled back; the database is as"
                    + " it was before.", 0, 0, String.valueOf(e.getSQLState()), e);
        }
    }

    private <T> T inspect(Connection connection, Inspection<T> inspection) {
        try {
            return inspection.inspect(connection);
        } catch (SQLException e) {
            throw new RestoreFailedException("The " + operation + " ran, but the database could not be read afterwards: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + "). It was rolled back; the database is as it"
                    + " was before.", 0, 0, String.valueOf(e.getSQLState()), e);
        }
    }

    /** Counts of what ran. */
    private static final class Progress {
        /** The statements sent to the server: not the file's BEGIN/COMMIT, lock timeouts or psql meta-commands it skips. */
        int statements;
        long rows;
        final Map<String, Long> rowsByTable = new LinkedHashMap<>();
    }

    private void runAll(Connection connection, ScriptReader reader, Progress progress,
                        Predicate<ScriptStatement> leaveOut) throws StatementBatch.Failure, SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String database = currentDatabase(connection);
        String user = sessionUser(connection);
        StatementBatch batch = new StatementBatch(connection);
        CopyFreeze freeze = new CopyFreeze(connection);
        try {
            Optional<ScriptStatement> next;
            while ((next = reader.next()).isPresent()) {
                ScriptStatement statement = next.get();
                if (leaveOut.test(statement)) {
                    continue;
                }
                switch (statement.kind()) {
                    case META_COMMAND -> checkMetaCommand(statement, database, user);
                    case COPY_FROM_STDIN -> {
                        progress.statements++;
                        batch.flush();
                        ScriptStatement run = statement;
                        try {
                            String sql = freeze.copy(statement.sql());
                            run = sql.equals(statement.sql()) ? statement
                                    : new ScriptStatement(sql, statement.number(), statement.line(), statement.kind());
                            long rows = copy.copyIn(sql, reader.copyData());
                            progress.rows += rows;
                            progress.rowsByTable.merge(CopyTarget.tableOf(statement.sql()), rows, Long::sum);
                        } catch (SQLException e) {
                            throw new StatementBatch.Failure(run, e);
                        } catch (IOException e) {
                            throw new DbSnapException("Could not read the rows of the COPY at line " + statement.line()
                                    + ": " + e.getMessage(), e);
                        }
                    }
                    case SQL -> {
                        if (isTransactionControl(statement)) {
                            LOG.debug("Skipping {} at line {}: the restore is one transaction", statement.sql(), statement.line());
                        } else if (lockTimeout.isPresent() && SETS_LOCK_TIMEOUT.matcher(statement.sql()).lookingAt()) {
                            LOG.debug("Skipping {} at line {}: the restore keeps its own lock timeout", statement.sql(),
                                    statement.line());
                        } else if (StatementBatch.canBatch(statement.sql())) {
                            progress.statements++;
                            batch.add(statement);
                            freeze.ran(statement);
                        } else {
                            progress.statements++;
                            batch.executeAlone(statement);
                            freeze.ran(statement);
                        }
                    }
                }
            }
            batch.flush();
            LOG.debug("{} of the script's COPY statements loaded their rows with FREEZE", freeze.frozen());
        } finally {
            batch.close();
        }
    }

    /**
     * Whether the statement begins or ends a transaction: the whole script is one already.
     *
     * @throws DbSnapException for ROLLBACK, which would undo what the script itself restored
     */
    private boolean isTransactionControl(ScriptStatement statement) {
        String word = StatementBatch.firstWord(statement.sql());
        return switch (word) {
            case "BEGIN", "COMMIT", "END" -> true;
            case "START" -> statement.sql().toUpperCase(Locale.ROOT).matches("START\\s+TRANSACTION\\b[\\s\\S]*");
            case "ROLLBACK", "ABORT" -> throw new DbSnapException("Statement " + statement.number() + " at line "
                    + statement.line() + " is " + word + ": a script run by dbsnap (" + operation + ") is one"
                    + " transaction and cannot roll itself back. Remove it.");
            default -> false;
        };
    }

    private static void checkMetaCommand(ScriptStatement statement, String database, String user) {
        String[] words = statement.sql().trim().split("\\s+");
        String name = words[0];
        if (name.equals("\\restrict") || name.equals("\\unrestrict")) {
            return;
        }
        if ((name.equals("\\connect") || name.equals("\\c")) && words.length >= 2 && unquote(words[1]).equals(database)) {
            checkConnectKeepsSession(statement, words, user);
            return;
        }
        throw new DbSnapException("Line " + statement.line() + " (" + statement.sql() + ") would connect to another database;"
                + " dbsnap restores into the one it is connected to (" + database + "). Restore each database's script"
                + " on its own, or remove the line if it was meant for this database.");
    }

    /**
     * psql's {@code \connect DBNAME USER HOST PORT} may switch the user, server or port too ("-"
     * keeps the current one). The script runs through one connection in one transaction, so a
     * switch cannot happen: accepting it would run what follows as the wrong user, silently.
     */
    private static void checkConnectKeepsSession(ScriptStatement statement, String[] words, String user) {
        String[] parts = {"user", "host", "port"};
        for (int i = 2; i < words.length && i < 2 + parts.length; i++) {
            String value = unquote(words[i]);
            if (value.equals("-") || (i == 2 && value.equals(user))) {
                continue;
            }
            throw new DbSnapException("Line " + statement.line() + " (" + statement.sql() + ") would connect with another "
                    + parts[i - 2] + " (" + value + "); dbsnap runs the whole script through its one connection, as user "
                    + user + ", in one transaction, and cannot switch halfway. Restore as that user (give it in the URL),"
                    + " or remove the " + parts[i - 2] + " from the line if " + user + " may run what follows. Nothing was"
                    + " changed.");
        }
        if (words.length > 2 + parts.length) {
            throw new DbSnapException("Line " + statement.line() + " (" + statement.sql() + ") has more arguments than"
                    + " \\connect DBNAME USER HOST PORT; dbsnap cannot tell what it would change. Nothing was changed.");
        }
    }

    private static String sessionUser(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT session_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String unquote(String word) {
        return word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")
                ? word.substring(1, word.length() - 1).replace("\"\"", "\"") : word;
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private boolean lockTimedOut(String sqlState) {
        return lockTimeout.isPresent() && LockHolders.LOCK_NOT_AVAILABLE.equals(sqlState);
    }

    /**
     * The wait for a lock outlasted the timeout: which statement waited, and who holds locks on
     * the database's tables, asked now that the transaction is rolled back.
     */
    private LockNotAvailableException lockNotAvailable(Connection connection, ScriptStatement statement, Exception cause) {
        String sql = statement == null ? "" : statement.sql();
        String what = statement == null ? "what it replaces" : "statement " + statement.number() + " (line "
                + statement.line() + "): " + (sql.length() <= STATEMENT_EXCERPT ? sql : sql.substring(0, STATEMENT_EXCERPT) + "...");
        return new LockNotAvailableException("The " + operation + " waited longer than its lock timeout ("
                + lockTimeout.orElseThrow().toMillis() + " ms) for a lock on " + what + "."
                + LockHolders.explain(connection, false, sql)
                + " The " + operation + " was rolled back; nothing was changed. Wait for that session to finish (or end"
                + " it: SELECT pg_terminate_backend(pid)), then restore again, or allow a longer wait (--lock-timeout;"
                + " RestoreOptions.withLockTimeout(Duration)).", cause);
    }

    private RestoreFailedException failed(ScriptStatement statement, SQLException cause) {
        String sql = statement.sql();
        String excerpt = sql.length() <= STATEMENT_EXCERPT ? sql : sql.substring(0, STATEMENT_EXCERPT) + "...";
        return new RestoreFailedException("Statement " + statement.number() + " (line " + statement.line() + ") failed: "
                + cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")\n  " + excerpt
                + "\nThe " + operation + " was rolled back; the database is as it was before.",
                statement.number(), statement.line(), String.valueOf(cause.getSQLState()), cause);
    }

}
