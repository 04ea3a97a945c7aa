package io.dbsnap.restore;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.LockNotAvailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The lock that lets one dbsnap restore or migration at a time change a database: a session-level
 * advisory lock, so it holds across the safety snapshot's transaction and the restore's, and the
 * server releases it when the session ends, also when the process dies.
 */
public final class OperationLock implements AutoCloseable {

    /** The same key for every dbsnap write operation: "dbsnap" in ASCII. */
    static final long KEY = 0x6462736e6170L;

    /** How often a wait for the lock asks again. */
    private static final long POLL_MILLIS = 100;

    private final Connection connection;

    private OperationLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock at once or fails.
     *
     * @throws LockNotAvailableException when another session holds it
     */
    public static OperationLock take(Connection connection) {
        return take(connection, Duration.ZERO);
    }

    /**
     * Takes the lock, waiting up to {@code wait} for another operation to release it.
     *
     * <p>It asks again every {@value #POLL_MILLIS} ms instead of waiting in
     * {@code pg_advisory_lock}: that wait would end only with the session's {@code lock_timeout},
     * a setting of the caller's connection this must not change.
     *
     * @throws LockNotAvailableException when another session still holds it after {@code wait}
     */
    static OperationLock take(Connection connection, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!tryTake(connection)) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new LockNotAvailableException("Another dbsnap operation is running on database "
                            + connection.getCatalog() + " (a restore or migration" + holder(connection) + ")"
                            + (wait.isZero() ? "" : ", still after waiting " + wait.toSeconds() + " s") + ". Wait for it"
                            + " to finish, then try again.", null);
                }
                Thread.sleep(POLL_MILLIS);
            }
            return new OperationLock(connection);
        } catch (SQLException e) {
            throw new DbSnapException("Could not take dbsnap's operation lock: " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbSnapException("Interrupted while waiting for dbsnap's operation lock; nothing was changed.", e);
        }
    }

    private static boolean tryTake(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?)")) {
            s.setLong(1, KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, as far as this role may see: ", server process 1234, application x". */
    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT l.pid, a.application_name"
                + " FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_catalog.pg_database"
                + " WHERE datname = pg_catalog.current_database())"
                + " AND ((l.classid::bigint << 32) | l.objid::bigint) = ? LIMIT 1")) {
            s.setLong(1, KEY);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                String application = rs.getString(2);
                return ", server process " + rs.getInt(1)
                        + (application == null || application.isEmpty() ? "" : ", application " + application);
            }
        }
    }

    @Override
    public void close() {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
            s.setLong(1, KEY);
            s.execute();
        } catch (SQLException e) {
            // the server releases it when the session ends; nothing is lost by waiting for that
            throw new DbSnapException("Could not release dbsnap's operation lock: " + e.getMessage()
                    + ". It is released when this connection closes.", e);
        }
    }
}
