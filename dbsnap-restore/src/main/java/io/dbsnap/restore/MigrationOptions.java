package io.dbsnap.restore;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Migrator} runs a migration. The defaults: schema-only snapshots around it, a lock
 * timeout of {@value #DEFAULT_LOCK_TIMEOUT_SECONDS} seconds, no wait for another dbsnap operation,
 * and every statement inside the one transaction.
 *
 * @param data              the snapshots before and after hold the tables' rows too (slower, but
 *                          the one before can then undo changes to data as well)
 * @param lockTimeout       the migration's {@code lock_timeout}: a statement waiting longer for a
 *                          lock the application holds fails, and the migration is rolled back,
 *                          instead of hanging, with every query behind it queued
 * @param waitForLock       how long to wait when another dbsnap restore or migration holds
 *                          dbsnap's lock; zero fails at once
 * @param outsideTransaction run the statements that cannot run in a transaction block
 *                          ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...) after the
 *                          transaction commits, instead of refusing the migration; they must be
 *                          its last statements, and they are not undone if they fail
 */
public record MigrationOptions(boolean data, Duration lockTimeout, Duration waitForLock, boolean outsideTransaction) {

    public static final int DEFAULT_LOCK_TIMEOUT_SECONDS = 5;

    public MigrationOptions {
        requirePositiveOrZero(lockTimeout, "lockTimeout");
        requirePositiveOrZero(waitForLock, "waitForLock");
    }

    public static MigrationOptions defaults() {
        return new MigrationOptions(false, Duration.ofSeconds(DEFAULT_LOCK_TIMEOUT_SECONDS), Duration.ZERO, false);
    }

    public MigrationOptions withData() {
        return new MigrationOptions(true, lockTimeout, waitForLock, outsideTransaction);
    }

    /** A lock timeout of zero waits for locks forever, as PostgreSQL's own default does. */
    public MigrationOptions lockTimeout(Duration timeout) {
        return new MigrationOptions(data, timeout, waitForLock, outsideTransaction);
    }

    public MigrationOptions waitingForLock(Duration wait) {
        return new MigrationOptions(data, lockTimeout, wait, outsideTransaction);
    }

    public MigrationOptions runningNonTransactionalStatementsOutside() {
        return new MigrationOptions(data, lockTimeout, waitForLock, true);
    }

    private static void requirePositiveOrZero(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
