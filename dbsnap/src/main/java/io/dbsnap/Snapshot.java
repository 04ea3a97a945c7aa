package io.dbsnap;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.connection.DatabaseAddress;
import io.dbsnap.diff.DiffOptions;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestorePlan;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** A snapshot in a directory: what it is, and restoring it. */
public final class Snapshot {

    private final SnapshotStore store;
    private final StoredSnapshot stored;
    private final SnapshotEvents events;

    Snapshot(SnapshotStore store, StoredSnapshot stored) {
        this(store, stored, SnapshotEvents.none());
    }

    Snapshot(SnapshotStore store, StoredSnapshot stored, SnapshotEvents events) {
        this.store = store;
        this.stored = stored;
        this.events = events;
    }

    /**
     * This snapshot, telling {@code listener} when it is restored or a restore fails; a listener
     * that throws never fails the restore.
     */
    public Snapshot notifying(SnapshotListener listener) {
        return new Snapshot(store, stored, events.with(listener));
    }

    public String label() {
        return stored.name().label();
    }

    public Instant created() {
        return stored.name().created();
    }

    /** Its name, {@code {yyyyMMdd_HHmmss}_{label}}, which its files start with. */
    public String name() {
        return stored.name().baseName();
    }

    /** The SQL file ({@code .sql} or {@code .sql.gz}). */
    public Path file() {
        return stored.sqlFile();
    }

    /** Its store entry, for the lower-level APIs (SnapshotStore, SnapshotRestorer). */
    public StoredSnapshot stored() {
        return stored;
    }

    /**
     * What its metadata says: purpose, database, object counts, rows per table, checksums.
     *
     * @throws io.dbsnap.errors.SnapshotCorruptException when the metadata is missing or damaged
     */
    public SnapshotMetadata metadata() {
        return store.metadata(stored);
    }

    /** Its catalog (the structure of what it holds), read from {@code {name}.catalog.json}. */
    public Optional<Catalog> catalog() {
        return store.catalog(stored);
    }

    /**
     * What changed in the database since this snapshot: its structure now (read over the schemas
     * and tables the snapshot covers) compared with the snapshot's, owners and grants included
     * when the snapshot recorded them, as a restore's verification compares them. Rows are not
     * compared, so the report has no data changes; nothing is written.
     *
     * @throws DbSnapException when the snapshot has no catalog file or the database cannot be read
     */
    public DiffReport diffWith(DataSource database) {
        DiffSide before = DiffSide.of(store, stored);
        SnapshotMetadata metadata = metadata();
        // its catalog lists owners and grants even when its script leaves them out (--no-owner):
        // what the snapshot does not restore is no drift from it
        return SchemaDiff.compare(before, DiffSide.of("live", catalogOf(database)),
                new DiffOptions(metadata.access().owners(), metadata.access().privileges()));
    }

    /**
     * The structure of {@code database} now, read over the schemas and tables this snapshot
     * covers: what {@link #diffWith(DataSource)} compares with {@link #catalog()}. For callers
     * that compare more than the structure (the fast test reset compares rows too, see
     * {@link io.dbsnap.diff.DiffSide#withTables}).
     *
     * @throws DbSnapException when the database cannot be read
     */
    public Catalog catalogOf(DataSource database) {
        SnapshotScope scope = metadata().scope().orElse(SnapshotScope.everything());
        return Connections.with(Objects.requireNonNull(database, "database"),
                "Could not read the structure of the database to compare it with " + name(),
                CatalogReader.of(scope)::read);
    }

    /** Like {@link #diffWith(DataSource)}, for the database at {@code url} (JDBC or {@code postgresql://} form). */
    public DiffReport diffWith(String url) {
        return diffWith(Connections.dataSource(url));
    }

    /**
     * Restores the database to this snapshot, exactly and in one transaction, after writing a
     * safety snapshot {@code before_restore} of its current state into the same directory; see
     * {@link SnapshotRestorer} for the checks before and the verification after. A schema-only
     * snapshot over tables that hold rows is refused with
     * {@link io.dbsnap.restore.DataLossRefusedException} (nothing changed): it would empty them;
     * {@link RestoreOptions#discardingData()} allows it.
     */
    public RestoreReport restoreTo(DataSource target) {
        return restoreTo(target, RestoreOptions.defaults());
    }

    /**
     * Like {@link #restoreTo(DataSource)}, with options such as
     * {@link RestoreOptions#withoutSafetySnapshot()} or {@link RestoreOptions#withLockTimeout}: how
     * long the restore may wait for a lock another session holds (5 s by default) before it fails
     * with {@link io.dbsnap.errors.LockNotAvailableException}, naming the table and the session, having changed nothing.
     */
    public RestoreReport restoreTo(DataSource target, RestoreOptions options) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(target, "target");
        long started = System.nanoTime();
        String[] database = new String[1];
        RestoreReport report;
        try {
            report = Connections.with(target, "Could not restore " + name(), connection -> {
                database[0] = DatabaseAddress.describe(connection);
                return new SnapshotRestorer(store, options).restore(connection, stored);
            });
        } catch (RuntimeException | Error e) {
            events.tell(SnapshotEvents.failure("restore", name(), Optional.of(file().toString()),
                    Optional.ofNullable(database[0]), SnapshotRequest.since(started), e));
            throw e;
        }
        events.tell(SnapshotEvents.about(SnapshotEvent.Type.RESTORED, "restore", stored, readableMetadata(),
                Optional.of(report.target()), SnapshotRequest.since(started)));
        return report;
    }

    /** The metadata for an event: an event never fails what it reports on, so unreadable metadata is left out. */
    Optional<SnapshotMetadata> readableMetadata() {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(metadata());
        } catch (DbSnapException e) {
            return Optional.empty();
        }
    }

    /**
     * What restoring this snapshot into {@code target} would lose, as the database is now: the
     * tables left empty with their rows, the objects and columns dropped. Nothing is changed.
     */
    public RestorePlan restorePlan(DataSource target) {
        return Connections.with(Objects.requireNonNull(target, "target"), "Could not read the database to plan restoring "
                + name(), connection -> new SnapshotRestorer(store, RestoreOptions.defaults()).plan(connection, stored));
    }

    /**
     * Replaces the structure and the rows of the database of {@code connection} by this snapshot's,
     * for a caller that owns the database and keeps its own session (the fast test reset, which
     * holds {@link ExclusiveOperation} on it meanwhile): an exact restore in one transaction, with
     * no safety snapshot, that empties the tables it recreates whatever rows they hold, and whose
     * result must verify. {@code connection} must not be inside a transaction; it stays open.
     *
     * @throws io.dbsnap.errors.LockNotAvailableException when another dbsnap operation runs on the database (nothing changed)
     * @throws io.dbsnap.errors.RestoreFailedException    when a statement fails (all is rolled back)
     * @throws DbSnapException           when the restored database does not verify against the snapshot
     */
    public void replaceContents(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        RestoreReport restored = new SnapshotRestorer(store,
                RestoreOptions.defaults().withoutSafetySnapshot().discardingData()).restore(connection, stored);
        if (!restored.verification().verified()) {
            throw new DbSnapException("The restore of " + restored.target() + " to " + name() + " did not verify: "
                    + String.join("; ", restored.verification().differences()));
        }
    }

    /** Restores into the database at {@code url} (JDBC or {@code postgresql://} form). */
    public RestoreReport restoreTo(String url) {
        return restoreTo(Connections.dataSource(url));
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot s && s.stored.sqlFile().equals(stored.sqlFile());
    }

    @Override
    public int hashCode() {
        return stored.sqlFile().hashCode();
    }
}
