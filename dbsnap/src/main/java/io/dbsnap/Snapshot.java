package io.dbsnap;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.store.SnapshotMetadata;
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

    Snapshot(SnapshotStore store, StoredSnapshot stored) {
        this.store = store;
        this.stored = stored;
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
     * @throws SnapshotCorruptException when the metadata is missing or damaged
     */
    public SnapshotMetadata metadata() {
        return store.metadata(stored);
    }

    /** Its catalog (the structure of what it holds), read from {@code {name}.catalog.json}. */
    public Optional<Catalog> catalog() {
        return store.catalog(stored);
    }

    /**
     * Restores the database to this snapshot, exactly and in one transaction, after writing a
     * safety snapshot {@code before_restore} of its current state into the same directory; see
     * {@link SnapshotRestorer} for the checks before and the verification after.
     */
    public RestoreReport restoreTo(DataSource target) {
        return restoreTo(target, RestoreOptions.defaults());
    }

    /** Like {@link #restoreTo(DataSource)}, with options such as {@link RestoreOptions#withoutSafetySnapshot()}. */
    public RestoreReport restoreTo(DataSource target, RestoreOptions options) {
        Objects.requireNonNull(options, "options");
        Connection connection = Connections.open(Objects.requireNonNull(target, "target"));
        RestoreReport report;
        try {
            report = new SnapshotRestorer(store, options).restore(connection, stored);
        } catch (RuntimeException | Error e) {
            Connections.close(connection, e);
            throw e;
        }
        Connections.close(connection, null);
        return report;
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
