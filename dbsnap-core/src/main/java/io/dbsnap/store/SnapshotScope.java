package io.dbsnap.store;

import java.util.List;

/**
 * What part of a database a snapshot covers: the filters its catalog was read with. An exact
 * restore drops what the database holds within the same scope before it recreates the snapshot's
 * objects, so that nothing created after the snapshot survives it, and nothing outside is touched.
 *
 * @param schemas       the schemas read; empty for every schema that is not a system schema
 * @param tables        table patterns ({@code schema.name} or {@code name}, {@code *} and {@code ?})
 *                      that the tables, views and sequences were limited to; empty for all
 * @param excludeTables table patterns that were left out
 */
public record SnapshotScope(List<String> schemas, List<String> tables, List<String> excludeTables) {

    public SnapshotScope {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        excludeTables = List.copyOf(excludeTables);
    }

    /** Every schema, every table. */
    public static SnapshotScope everything() {
        return new SnapshotScope(List.of(), List.of(), List.of());
    }

    public boolean allSchemas() {
        return schemas.isEmpty();
    }
}
