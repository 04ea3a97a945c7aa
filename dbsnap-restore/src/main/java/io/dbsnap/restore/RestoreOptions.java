package io.dbsnap.restore;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SnapshotRestorer} restores. The defaults are the safe ones: a safety snapshot first,
 * no restore into a server older than the snapshot's, and no wait for a lock longer than
 * {@link #DEFAULT_LOCK_TIMEOUT}.
 *
 * @param safetySnapshot   write a snapshot of the current state (schema and data of the scope the
 *                         restore replaces) to the store first, labelled {@value SnapshotRestorer#SAFETY_LABEL},
 *                         so that the restore itself can be undone
 * @param allowOlderServer restore even when the server's major version is older than the one the
 *                         snapshot was taken from (its SQL may use what the older server lacks)
 * @param lockTimeout      the longest the restore waits for a lock another session holds (an open
 *                         transaction that read a table the restore replaces): after it, the restore
 *                         fails with {@link io.dbsnap.LockNotAvailableException}, naming the table and
 *                         the session, and nothing is changed. Waiting longer would make every new
 *                         reader of that table queue behind the restore.
 */
public record RestoreOptions(boolean safetySnapshot, boolean allowOlderServer, Duration lockTimeout) {

    /** How long a restore waits for a lock unless told otherwise: 5 seconds, as a migration. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    public RestoreOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative() || lockTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the lock timeout must be at least 1 ms, not " + lockTimeout);
        }
    }

    /** With the default lock timeout. */
    public RestoreOptions(boolean safetySnapshot, boolean allowOlderServer) {
        this(safetySnapshot, allowOlderServer, DEFAULT_LOCK_TIMEOUT);
    }

    public static RestoreOptions defaults() {
        return new RestoreOptions(true, false);
    }

    public RestoreOptions withoutSafetySnapshot() {
        return new RestoreOptions(false, allowOlderServer, lockTimeout);
    }

    public RestoreOptions allowingOlderServer() {
        return new RestoreOptions(safetySnapshot, true, lockTimeout);
    }

    /** These options with {@code timeout} as the longest wait for a lock (at least 1 ms). */
    public RestoreOptions withLockTimeout(Duration timeout) {
        return new RestoreOptions(safetySnapshot, allowOlderServer, timeout);
    }
}
