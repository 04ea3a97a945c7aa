package io.dbsnap.restore;

import io.dbsnap.store.StoredSnapshot;
import java.util.Objects;

/**
 * The snapshot an emergency rollback restores, and why that one.
 *
 * @param snapshot the snapshot to restore
 * @param reason   why, for people: the last dbsnap operation it undoes, the snapshots passed over
 */
public record RollbackChoice(StoredSnapshot snapshot, String reason) {

    public RollbackChoice {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(reason, "reason");
    }
}
