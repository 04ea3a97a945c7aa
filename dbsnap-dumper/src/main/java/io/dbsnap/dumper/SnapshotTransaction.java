package io.dbsnap.dumper;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in a {@code REPEATABLE READ, READ ONLY} transaction, so that every query of it sees
 * the database at one point in time, then rolls back and gives the connection its settings back.
 */
final class SnapshotTransaction {

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
        try {
            return work.run(connection);
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }
}
