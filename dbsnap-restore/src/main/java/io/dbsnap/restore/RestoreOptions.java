package io.dbsnap.restore;

/**
 * How {@link SnapshotRestorer} restores. The defaults are the safe ones: a safety snapshot first,
 * no restore into a server older than the snapshot's, and the snapshot's owners and grants set
 * (the server must then have its roles).
 *
 * @param safetySnapshot   write a snapshot of the current state (schema and data of the scope the
 *                         restore replaces) to the store first, labelled {@value SnapshotRestorer#SAFETY_LABEL},
 *                         so that the restore itself can be undone
 * @param allowOlderServer restore even when the server's major version is older than the one the
 *                         snapshot was taken from (its SQL may use what the older server lacks)
 * @param owners           run the snapshot's {@code ALTER ... OWNER TO}; without, whoever runs the
 *                         restore owns what it creates, as with pg_restore's {@code --no-owner}
 * @param privileges       run the snapshot's {@code GRANT}/{@code REVOKE} and
 *                         {@code ALTER DEFAULT PRIVILEGES}, as pg_restore does without {@code --no-privileges}
 */
public record RestoreOptions(boolean safetySnapshot, boolean allowOlderServer, boolean owners, boolean privileges) {

    public static RestoreOptions defaults() {
        return new RestoreOptions(true, false, true, true);
    }

    public RestoreOptions withoutSafetySnapshot() {
        return new RestoreOptions(false, allowOlderServer, owners, privileges);
    }

    public RestoreOptions allowingOlderServer() {
        return new RestoreOptions(safetySnapshot, true, owners, privileges);
    }

    /** Skips the snapshot's {@code ALTER ... OWNER TO}, as pg_restore's {@code --no-owner}. */
    public RestoreOptions noOwner() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, false, privileges);
    }

    /** Skips the snapshot's grants and default privileges, as pg_restore's {@code --no-privileges}. */
    public RestoreOptions noPrivileges() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, owners, false);
    }
}
