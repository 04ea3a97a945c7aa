package io.dbsnap.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a snapshot was taken: on request, or by dbsnap itself as part of an operation. Recorded in
 * the metadata ({@code kind}) when the snapshot is written, so that an emergency rollback can tell
 * a migration's snapshot after it (the state to undo) from a snapshot to return to, whatever
 * labels people choose.
 */
public enum SnapshotKind {

    /** Taken because someone asked for it ({@code dbsnap snapshot}, the API); the metadata has no {@code kind}. */
    ON_REQUEST("on-request"),
    /** Written by a restore before it replaces the database, so that the restore can be undone. */
    SAFETY("safety"),
    /** Written by {@code migrate} before the migration runs: restoring it undoes the migration. */
    BEFORE_MIGRATION("before-migration"),
    /** Written by {@code migrate} after the migration committed: the state the migration made. */
    AFTER_MIGRATION("after-migration"),
    /** A kind this version of dbsnap does not know (written by a later one). */
    OTHER("other");

    private final String fileValue;

    SnapshotKind(String fileValue) {
        this.fileValue = fileValue;
    }

    /** The value in the metadata file; {@link #ON_REQUEST} is not written. */
    public String fileValue() {
        return fileValue;
    }

    /** The kind a metadata file's {@code kind} names: absent means on request. */
    static SnapshotKind fromFile(Optional<String> value) {
        return value.map(v -> Arrays.stream(values()).filter(k -> k.fileValue.equals(v)).findFirst().orElse(OTHER))
                .orElse(ON_REQUEST);
    }
}
