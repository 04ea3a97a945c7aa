package io.dbsnap;

import io.dbsnap.store.CleanupPlan;
import io.dbsnap.store.RetentionCandidate;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
    private final SnapshotEvents events;

    Cleanup(SnapshotStore store, RetentionPolicy policy, Clock clock) {
        this(store, policy, clock, SnapshotEvents.none());
    }

    Cleanup(SnapshotStore store, RetentionPolicy policy, Clock clock, SnapshotEvents events) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
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
        long started = System.nanoTime();
        Map<String, SnapshotInfo> before = new HashMap<>();
        if (!events.isEmpty()) {
            // read before the files go: a deleted snapshot's event carries its size and checksum
            store.entries().forEach(entry -> before.put(entry.name().baseName(), entry));
        }
        CleanupPlan plan;
        try {
            plan = store.cleanup(policy, clock.instant());
        } catch (RuntimeException | Error e) {
            events.tell(SnapshotEvents.failure("cleanup", store.directory().toString(),
                    Optional.of(store.directory().toString()), Optional.empty(), SnapshotRequest.since(started), e));
            throw e;
        }
        for (RetentionCandidate deleted : plan.deleted()) {
            SnapshotInfo entry = before.get(deleted.id());
            if (entry != null && entry.snapshot().isPresent()) {
                events.tell(SnapshotEvents.about(SnapshotEvent.Type.DELETED, "cleanup", entry.snapshot().get(),
                        entry.metadata(), entry.metadata().flatMap(m -> m.details().database()),
                        SnapshotRequest.since(started)));
            }
        }
        return plan;
    }
}
