package io.dbsnap.restore;

/**
 * How {@link SnapshotRestorer} restores. The defaults are the safe ones: a safety snapshot first,
 * no restore into a server older than the snapshot's, and no schema-only restore over tables that
 * hold rows.
 *
 * @param safetySnapshot   write a snapshot of the current state (schema and data of the scope the
 *                         restore replaces) to the store first, labelled {@value SnapshotRestorer#SAFETY_LABEL},
 *                         so that the restore itself can be undone
 * @param allowOlderServer restore even when the server's major version is older than the one the
 *                         snapshot was taken from (its SQL may use what the older server lacks)
 * @param discardData      restore a schema-only snapshot even though the database's tables hold
 *                         rows: every table comes back empty (without it, such a restore is refused
 *                         with {@link DataLossRefusedException} before anything changes)
 */
public record RestoreOptions(boolean safetySnapshot, boolean allowOlderServer, boolean discardData) {

    public static RestoreOptions defaults() {
        return new RestoreOptions(true, false, false);
    }

    public RestoreOptions withoutSafetySnapshot() {
        return new RestoreOptions(false, allowOlderServer, discardData);
    }

    public RestoreOptions allowingOlderServer() {
        return new RestoreOptions(safetySnapshot, true, discardData);
    }

    /** Restore a schema-only snapshot over tables that hold rows, emptying them (their rows are lost). */
    public RestoreOptions discardingData() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, true);
    }
}
