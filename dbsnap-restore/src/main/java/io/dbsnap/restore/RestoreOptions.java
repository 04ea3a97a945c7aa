package io.dbsnap.restore;

/**
 * How {@link SnapshotRestorer} restores. The defaults are the safe ones: a safety snapshot first,
 * and no restore into a server older than the snapshot's.
 *
 * @param safetySnapshot   write a snapshot of the current state (schema and data of the scope the
 *                         restore replaces) to the store first, labelled {@value SnapshotRestorer#SAFETY_LABEL},
 *                         so that the restore itself can be undone
 * @param allowOlderServer restore even when the server's major version is older than the one the
 *                         snapshot was taken from (its SQL may use what the older server lacks)
 */
public record RestoreOptions(boolean safetySnapshot, boolean allowOlderServer) {

    public static RestoreOptions defaults() {
        return new RestoreOptions(true, false);
    }

    public RestoreOptions withoutSafetySnapshot() {
        return new RestoreOptions(false, allowOlderServer);
    }

    public RestoreOptions allowingOlderServer() {
        return new RestoreOptions(safetySnapshot, true);
    }
}
