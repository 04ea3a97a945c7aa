package io.dbsnap.connection;

import io.dbsnap.errors.CommitOutcomeUnknownException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Runs work in ONE transaction, so that it takes effect whole or not at all, whatever is thrown:
 * on any {@link Throwable} (an {@link OutOfMemoryError} as much as an {@link SQLException}) the
 * transaction is rolled back before anything else happens, then the failure is thrown on.
 *
 * <p>Autocommit is switched back on only over a transaction that has ended: pgjdbc turns
 * {@code setAutoCommit(true)} on an open transaction into a COMMIT, which after a failure would
 * commit half the work. When even the rollback fails (the connection is broken), the connection
 * is closed instead, which makes the server discard the transaction.
 *
 * <p>When the connection is lost during the COMMIT itself, nobody knows whether the server
 * committed: that is reported as such ({@link CommitOutcomeUnknownException}), never as a
 * rollback.
 */
public final class Transaction {

    /** SQLSTATEs of a connection that ended under the COMMIT: class 08, and the server's shutdowns. */
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

    /** Work done through the connection inside the transaction; {@code E} is what else it may throw. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection connection) throws SQLException, E;
    }

    private Transaction() {
    }

    /**
     * Runs {@code work} in a transaction and commits it.
     *
     * @param operation  what the work is, for messages: "restore", "migration"
     * @param howToCheck what to do to learn whether a commit whose outcome is unknown took effect
     * @throws CommitOutcomeUnknownException when the connection is lost during the COMMIT
     * @throws SQLException                  when the work fails, or the server refuses the COMMIT (a
     *                                       deferred constraint): both rolled back
     */
    public static <T, E extends Exception> T commit(Connection connection, String operation, String howToCheck,
                                                    Work<T, E> work) throws SQLException, E {
        boolean autoCommit = begin(connection);
        T result = runOrRollBack(connection, autoCommit, work);
        try {
            connection.commit();
        } catch (SQLException e) {
            if (connectionLost(connection, e)) {
                close(connection, e);
                throw new CommitOutcomeUnknownException("The connection to the server was lost while the " + operation
                        + " was being committed (" + e.getMessage() + ", SQLSTATE " + e.getSQLState() + "): whether the"
                        + " server committed it is UNKNOWN. It was either committed whole or not at all. " + howToCheck, e);
            }
            // the server refused the COMMIT (a deferred constraint, a serialization failure) and rolled back
            rollBackAfter(connection, autoCommit, e);
            throw e;
        } catch (Throwable failure) {
            rollBackAfter(connection, autoCommit, failure);
            throw failure;
        }
        connection.setAutoCommit(autoCommit);
        return result;
    }

    /**
     * Runs {@code work} in a transaction and rolls it back whatever happens: a dry run, or reads
     * that must see one point in time.
     */
    public static <T, E extends Exception> T rollBack(Connection connection, Work<T, E> work) throws SQLException, E {
        boolean autoCommit = begin(connection);
        T result = runOrRollBack(connection, autoCommit, work);
        connection.rollback();
        connection.setAutoCommit(autoCommit);
        return result;
    }

    /**
     * Ends a transaction the caller left open (after a failure it did not handle) by rolling it
     * back, and only then switches autocommit on: nothing uncommitted is ever committed by it.
     */
    public static void endWithAutoCommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Runs {@code work}; on any Throwable, an Error too, rolls back before it goes on. */
    private static <T, E extends Exception> T runOrRollBack(Connection connection, boolean autoCommit, Work<T, E> work)
            throws SQLException, E {
        try {
            return work.run(connection);
        } catch (Throwable failure) {
            rollBackAfter(connection, autoCommit, failure);
            throw failure;
        }
    }

    /** Starts the transaction; returns the connection's autocommit, given back when it ends. */
    private static boolean begin(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        return autoCommit;
    }

    /**
     * Rolls back after {@code failure}, first thing; autocommit is given back only once the
     * rollback succeeded. When the rollback fails, the connection is closed instead, and the
     * server discards the transaction with the session.
     */
    private static void rollBackAfter(Connection connection, boolean autoCommit, Throwable failure) {
        try {
            connection.rollback();
        } catch (Throwable e) {
            failure.addSuppressed(e);
            close(connection, failure);
            return;
        }
        try {
            connection.setAutoCommit(autoCommit);
        } catch (Throwable e) {
            failure.addSuppressed(e);
            close(connection, failure);
        }
    }

    private static void close(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (Throwable e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean connectionLost(Connection connection, SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || SESSION_ENDED.contains(state))) {
            return true;
        }
        try {
            return connection.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }
}
