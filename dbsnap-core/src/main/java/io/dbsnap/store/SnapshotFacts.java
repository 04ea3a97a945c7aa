package io.dbsnap.store;

import io.dbsnap.catalog.Catalog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the writer of a snapshot knows about it, recorded in the snapshot's metadata.
 *
 * @param type          {@value #SCHEMA_ONLY}, {@value #SCHEMA_AND_DATA} or {@value #DATA_ONLY}
 * @param serverVersion the server's {@code server_version}, for example {@code 17.6}
 * @param scope         the schemas and tables the snapshot covers
 * @param tables        the rows written per table, in the order written; empty for a schema-only
 *                      snapshot
 * @param catalog       the catalog the snapshot was written from, stored beside it as
 *                      {@code {name}.catalog.json} with its fingerprint in the metadata
 * @param access        whether the script sets owners and privileges
 */
public record SnapshotFacts(String type, String serverVersion, SnapshotScope scope, List<TableFacts> tables,
                            Optional<Catalog> catalog, RecordedAccess access) {

    public static final String SCHEMA_ONLY = "schema-only";
    public static final String SCHEMA_AND_DATA = "schema+data";
    public static final String DATA_ONLY = "data-only";

    private static final Set<String> TYPES = Set.of(SCHEMA_ONLY, SCHEMA_AND_DATA, DATA_ONLY);

    public SnapshotFacts {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown snapshot type '" + type + "': use " + SCHEMA_ONLY + ", "
                    + SCHEMA_AND_DATA + " or " + DATA_ONLY);
        }
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(access, "access");
        tables = List.copyOf(tables);
        if (type.equals(SCHEMA_ONLY) && !tables.isEmpty()) {
            throw new IllegalArgumentException("A schema-only snapshot has no table rows, but " + tables.size()
                    + " tables were given");
        }
    }

    /** Facts of a script that sets no owners and no privileges. */
    public SnapshotFacts(String type, String serverVersion, SnapshotScope scope, List<TableFacts> tables,
                         Optional<Catalog> catalog) {
        this(type, serverVersion, scope, tables, catalog, RecordedAccess.none());
    }

    /** Facts of a snapshot without a catalog, such as a script written by hand. */
    public SnapshotFacts(String type, String serverVersion, SnapshotScope scope, List<TableFacts> tables) {
        this(type, serverVersion, scope, tables, Optional.empty());
    }
}
