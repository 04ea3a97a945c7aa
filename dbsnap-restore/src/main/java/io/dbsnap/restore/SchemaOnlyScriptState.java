package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.store.SnapshotFacts;

/**
 * The catalog a snapshot's script leaves behind, to verify a restore against. A schema-only script
 * creates every materialized view {@code WITH NO DATA} and refreshes none, as {@code pg_dump
 * --schema-only} does (their rows are data): the views the snapshot recorded as populated are
 * expected unpopulated after it. A script with data refreshes the populated ones, so its catalog
 * is expected as recorded.
 */
final class SchemaOnlyScriptState {

    private SchemaOnlyScriptState() {
    }

    static Catalog expected(Catalog snapshot, String snapshotType) {
        if (!snapshotType.equals(SnapshotFacts.SCHEMA_ONLY)) {
            return snapshot;
        }
        return snapshot.withMaterializedViewsUnpopulated();
    }
}
