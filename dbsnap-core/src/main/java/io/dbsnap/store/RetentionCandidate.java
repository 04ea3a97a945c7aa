package io.dbsnap.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One snapshot as a {@link RetentionPolicy} sees it: no files, only what the policy decides on.
 *
 * @param id      what names the snapshot in a {@link CleanupPlan}, unique among the candidates of
 *                one plan; in a store, the snapshot's base file name {@code {yyyyMMdd_HHmmss}_{label}}
 * @param created when the snapshot was taken; ages and UTC day, week and month buckets are taken
 *                from it
 * @param label   the snapshot's label; {@link RetentionPolicy#isProtectedLabel(String) some labels}
 *                protect a snapshot from deletion
 * @param pinned  whether the snapshot is pinned ({@code keep: true}), which protects it from deletion
 * @param kind    why it was taken, as its metadata says; with its label it gives its
 *                {@link RetentionKind retention kind}
 */
public record RetentionCandidate(String id, Instant created, String label, boolean pinned, SnapshotKind kind) {

    /** A candidate taken on request. */
    public RetentionCandidate(String id, Instant created, String label, boolean pinned) {
        this(id, created, label, pinned, SnapshotKind.ON_REQUEST);
    }

    public RetentionCandidate {
        Objects.requireNonNull(id, "id: a retention candidate needs an id, such as the snapshot's base file name");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A retention candidate's id must not be blank: use the snapshot's"
                    + " base file name, such as 20260304_050607_pre_migration");
        }
        Objects.requireNonNull(created, "created: a retention candidate needs the instant it was created");
        Objects.requireNonNull(label, "label: a retention candidate needs its snapshot's label");
        Objects.requireNonNull(kind, "kind: a retention candidate needs its snapshot's kind, ON_REQUEST when unknown");
    }

    /** Its retention kind: manual, pre-migration, safety or nightly. */
    public RetentionKind retentionKind() {
        return RetentionKind.of(this);
    }

    /** The candidate for a snapshot of a store: its base file name as id, its time and label. */
    public static RetentionCandidate of(SnapshotName name, boolean pinned) {
        return new RetentionCandidate(name.baseName(), name.created(), name.label(), pinned);
    }
}
