package io.dbsnap;

import io.dbsnap.restore.OperationLock;
import java.sql.Connection;

/**
 * dbsnap's operation lock on a database, for code built on dbsnap that changes a database as a
 * restore does (the fast test reset of {@code dbsnap-reset}): while a session holds it, no dbsnap
 * restore, migration or reset runs on the same database, and it runs under none of theirs. It is
 * a session-level advisory lock, taken again by a restore on the same session (so the holder may
 * restore a snapshot over its own connection), and released by the server when the session ends,
 * also when the process dies.
 *
 * <pre>{@code
 * try (ExclusiveOperation operation = ExclusiveOperation.begin(connection)) {
 *     ... change the database ...
 * }
 * }</pre>
 */
public final class ExclusiveOperation implements AutoCloseable {

    private final OperationLock lock;

    private ExclusiveOperation(OperationLock lock) {
        this.lock = lock;
    }

    /**
     * Takes the lock on the database of {@code connection} at once, or fails.
     *
     * @throws io.dbsnap.errors.LockNotAvailableException when another dbsnap operation holds it (the message names the
     *                                   session, as far as this role may see it)
     * @throws io.dbsnap.errors.DbSnapException           when the database cannot be asked
     */
    public static ExclusiveOperation begin(Connection connection) {
        return new ExclusiveOperation(OperationLock.take(connection));
    }

    /**
     * Releases the lock.
     *
     * @throws io.dbsnap.errors.DbSnapException when the database cannot be asked (it is released when the session ends)
     */
    @Override
    public void close() {
        lock.close();
    }
}
