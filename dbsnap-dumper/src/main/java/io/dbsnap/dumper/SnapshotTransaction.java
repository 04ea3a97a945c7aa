package io.dbsnap.dumper;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in a {@code REPEATABLE READ, READ ONLY} transaction, so that every query of it sees
 * the database at one point in time, then rolls back and gives the connection its settings back.
 */
final class SnapshotTransaction {

    private static final String QUERY_CANCELED = "57014";

    /** Work that reads through the connection; {@code E} is what else it may throw, such as an IOException. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run(Connection connection) throws SQLException, E;
    }

    private SnapshotTransaction() {
    }

    static <T, E extends Exception> T run(Connection connection, Work<T, E> work) throws SQLException, E {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        T result;
        try {
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
