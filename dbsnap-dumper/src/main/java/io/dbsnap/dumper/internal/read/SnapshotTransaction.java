package io.dbsnap.dumper.internal.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs work in a {@code REPEATABLE READ, READ ONLY} transaction, so that every query of it sees
 * the database at one point in time, then rolls back and gives the connection its settings back.
 *
 * <p>The transaction's {@code lock_timeout} is set before anything else: reading the catalog
 * already waits for locks ({@code pg_get_viewdef} and {@code pg_get_expr} lock the tables they
 * deparse), and a table locked {@code ACCESS EXCLUSIVE} by another session would otherwise make
 * the read wait forever.
 */
public final class SnapshotTransaction {

    private static final String QUERY_CANCELED = "57014";

    /** Work that reads through the connection; {@code E} is what else it may throw, such as an IOException. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection connection) throws SQLException, E;
    }

    private SnapshotTransaction() {
    }

    /** @param lockTimeout null only for a transaction that sets it itself after a first statement that must come first */
    public static <T, E extends Exception> T run(Connection connection, Duration lockTimeout, Work<T, E> work)
            throws SQLException, E {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        T result;
        try {
            if (lockTimeout != null) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
                }
            }
            result = work.run(connection);
        } catch (Throwable failure) {
            // what went wrong in the work is what the caller needs to hear, not a failing rollback after it
            try {
                end(connection, autoCommit, isolation, readOnly);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        end(connection, autoCommit, isolation, readOnly);
        return result;
    }

    private static void end(Connection connection, boolean autoCommit, int isolation, boolean readOnly) throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
            // A COPY given up on (the output failed) is cancelled by a request that reaches the server
            // on a connection of its own: when the COPY has just ended, it cancels the next statement,
            // this ROLLBACK, instead. The transaction is still open; end it.
            connection.rollback();
        }
        connection.setReadOnly(readOnly);
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(autoCommit);
    }
}
