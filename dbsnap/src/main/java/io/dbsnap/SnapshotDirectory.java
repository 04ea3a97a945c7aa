package io.dbsnap;

import io.dbsnap.connection.DatabaseAddress;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoreStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The snapshots of one directory, from {@link Snapshots#in(Path)}: list them, pick one, compare two, clean up. */
public final class SnapshotDirectory {

    private final SnapshotStore store;
    private final SnapshotEvents events;

    SnapshotDirectory(Path directory) {
        this(new SnapshotStore(directory), SnapshotEvents.none());
    }

    private SnapshotDirectory(SnapshotStore store, SnapshotEvents events) {
        this.store = store;
        this.events = events;
    }

    /**
     * This directory, telling {@code listener} what its operations do once their outcome is known:
     * snapshots taken with {@link #create(String)}, restores of the snapshots {@link #get(String)}
     * gives, {@link #rollback rollbacks}, snapshots a {@link #cleanup cleanup} deletes, and each
     * of these failing. A listener that throws never fails the operation (it is logged).
     */
    public SnapshotDirectory notifying(SnapshotListener listener) {
        return new SnapshotDirectory(store, events.with(listener));
    }

    /** This directory, telling these listeners instead (the command line's, with where their failures go). */
    public SnapshotDirectory withEvents(SnapshotEvents events) {
        return new SnapshotDirectory(store, Objects.requireNonNull(events, "events"));
    }

    /** A new snapshot labelled {@code label}, into this directory, told to this directory's listeners. */
    public SnapshotRequest create(String label) {
        return SnapshotRequest.of(label, store.directory()).withEvents(events);
    }

    public Path path() {
        return store.directory();
    }

    /**
     * Every snapshot, newest first, numbered from 1, with its metadata. Damaged entries (a SQL file
     * without its metadata, metadata without its SQL file) are listed with what is wrong.
     */
    public List<SnapshotInfo> list() {
        return store.entries();
    }

    /**
     * The newest snapshot.
     *
     * @throws io.dbsnap.errors.SnapshotNotFoundException when the directory holds none
     */
    public Snapshot latest() {
        return get("latest");
    }

    /**
     * A snapshot named as people name them: {@code latest}, an index from {@link #list()} (1 is
     * the newest), a file name, or a label (the newest snapshot with it).
     *
     * @throws io.dbsnap.errors.SnapshotNotFoundException when nothing matches, saying what would
     * @throws io.dbsnap.errors.SnapshotCorruptException  when the entry picked is damaged
     */
    public Snapshot get(String reference) {
        return new Snapshot(store, store.find(reference), events);
    }

    /**
     * What changed from snapshot {@code before} to snapshot {@code after} (each named as for
     * {@link #get(String)}): objects added, removed and changed, risky changes, and for snapshots
     * with data the tables whose rows changed. Reads their {@code catalog.json} and metadata; no
     * server is needed. {@link DiffReport#toText()} renders it for people.
     *
     * @throws io.dbsnap.errors.SnapshotNotFoundException when either is not in the directory
     * @throws io.dbsnap.errors.DbSnapException           when either has no catalog file (a script written by hand)
     */
    public DiffReport diff(String before, String after) {
        DiffSide from = DiffSide.of(store, store.find(before));
        DiffSide to = DiffSide.of(store, store.find(after));
        return SchemaDiff.compare(from, to);
    }

    /**
     * A cleanup of this directory by {@code policy}, such as {@link RetentionPolicy#standard()}:
     * call {@link Cleanup#dryRun()} to see it, {@link Cleanup#apply()} to carry it out.
     */
    public Cleanup cleanup(RetentionPolicy policy) {
        return cleanup(policy, Clock.systemUTC());
    }

    /** Like {@link #cleanup(RetentionPolicy)}, with ages measured by {@code clock}. */
    public Cleanup cleanup(RetentionPolicy policy, Clock clock) {
        return new Cleanup(store, Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(clock, "clock"), events);
    }

    /**
     * The emergency rollback of {@code target}: undoes the last dbsnap operation on it by restoring
     * the snapshot {@link SnapshotRestorer#rollbackTarget} chooses from this directory (after a
     * migration, the snapshot before it), with the checks, safety snapshot and verification of a
     * restore. No question is asked.
     *
     * @throws io.dbsnap.errors.SnapshotNotFoundException when the directory holds no snapshot to roll back to
     */
    public RestoreReport rollback(DataSource target, RestoreOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        String[] database = new String[1];
        RestoreReport report;
        try {
            report = Connections.with(target, "Could not roll back", connection -> {
                database[0] = DatabaseAddress.describe(connection);
                return new SnapshotRestorer(store, options).emergencyRollback(connection);
            });
        } catch (RuntimeException | Error e) {
            events.tell(SnapshotEvents.failure("rollback", "rollback", Optional.empty(),
                    Optional.ofNullable(database[0]), SnapshotRequest.since(started), e));
            throw e;
        }
        Snapshot restored = new Snapshot(store, report.snapshot(), events);
        events.tell(SnapshotEvents.about(SnapshotEvent.Type.ROLLED_BACK, "rollback", report.snapshot(),
                restored.readableMetadata(), Optional.of(report.target()), SnapshotRequest.since(started)));
        return report;
    }

    /**
     * The summary of this directory: how many snapshots, their total size, the oldest, the newest
     * and the newest of each kind, whether the newest verifies (its whole file is read to check its
     * SHA-256), and the snapshot {@code latest} names. Nothing is changed.
     */
    public StoreStatus status() {
        return StoreStatus.of(store);
    }

    /** The store under this directory, for the lower-level APIs. */
    public SnapshotStore store() {
        return store;
    }
}
