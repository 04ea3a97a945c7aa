package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.store.TableFacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One side of a diff: a catalog with a label for reports and, when the side has data, the row
 * counts and checksums of its tables.
 *
 * <p>A live database is a side too: read its catalog with the dumper's {@code CatalogReader}
 * (for a comparison with a snapshot, {@code CatalogReader.of(metadata.scope())}, so that both
 * sides cover the same schemas) and wrap it with {@link #of(String, Catalog)}.
 *
 * @param label   how reports name the side: a snapshot's name, {@code live}, ...
 * @param catalog the structure
 * @param tables  rows per table, when the side has data; without them on both sides a diff has
 *                no data changes
 */
public record DiffSide(String label, Catalog catalog, Optional<List<TableFacts>> tables) {

    public DiffSide {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(catalog, "catalog");
        tables = tables.map(List::copyOf);
    }

    /** A side of structure only. */
    public static DiffSide of(String label, Catalog catalog) {
        return new DiffSide(label, catalog, Optional.empty());
    }

    /**
     * A stored snapshot as a side, labelled with its name: its {@code .catalog.json} and, for a
     * snapshot with data, the rows per table from its metadata. No server is needed.
     *
     * @throws DbSnapException when the snapshot has no catalog file (a script written by hand
     *                         has none), or its files cannot be read
     */
    public static DiffSide of(SnapshotStore store, StoredSnapshot snapshot) {
        Catalog catalog = store.catalog(snapshot).orElseThrow(() -> new DbSnapException("Snapshot "
                + snapshot.name().baseName() + " has no catalog file (" + snapshot.catalogFile().getFileName()
                + "), so its structure cannot be compared; only snapshots dbsnap took of a database have one."));
        SnapshotMetadata metadata = store.metadata(snapshot);
        DiffSide side = of(snapshot.name().baseName(), catalog);
        return metadata.type().equals(SnapshotFacts.SCHEMA_ONLY) ? side : side.withTables(metadata.tables());
    }

    /** This side with the rows per table of its data. */
    public DiffSide withTables(List<TableFacts> facts) {
        return new DiffSide(label, catalog, Optional.of(facts));
    }
}
