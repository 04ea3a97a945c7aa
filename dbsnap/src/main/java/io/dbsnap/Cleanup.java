package io.dbsnap;

import io.dbsnap.store.CleanupPlan;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotStore;
import java.time.Clock;

/**
 * A retention policy applied to a directory, from {@link SnapshotDirectory#cleanup(RetentionPolicy)}:
 * {@link #dryRun()} shows what would go, {@link #apply()} deletes it. Protected snapshots (label
 * {@code baseline} or a version such as {@code v1.2.0}, or pinned with {@code keep: true}), the
 * newest snapshot and damaged entries are never deleted.
 */
public final class Cleanup {

    private final SnapshotStore store;
    private final RetentionPolicy policy;
    private final Clock clock;

    Cleanup(SnapshotStore store, RetentionPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** What {@link #apply()} would delete now, and why each other snapshot stays; nothing is deleted. */
    public CleanupPlan dryRun() {
        return store.planCleanup(policy, clock.instant());
    }

    /**
     * Deletes the snapshots the policy does not keep, each with all its files.
     *
     * @return what was kept and what was deleted
     */
    public CleanupPlan apply() {
        return store.cleanup(policy, clock.instant());
    }
}
