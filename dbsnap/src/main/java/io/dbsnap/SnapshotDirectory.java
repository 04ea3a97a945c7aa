package io.dbsnap;

import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.store.SnapshotStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The snapshots of one directory, from {@link Snapshots#in(Path)}: list them, pick one, compare two, clean up. */
public final class SnapshotDirectory {

    private final SnapshotStore store;

    SnapshotDirectory(Path directory) {
        this.store = new SnapshotStore(directory);
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
        return new Snapshot(store, store.find(reference));
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
        return new Cleanup(store, Objects.requireNonNull(policy, "policy"), Clock.systemUTC());
    }

    /** The store under this directory, for the lower-level APIs. */
    public SnapshotStore store() {
        return store;
    }
}
