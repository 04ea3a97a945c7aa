package io.dbsnap.restore;

import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.TableFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Before a data-only snapshot is loaded, the tables it holds rows for are emptied, so that they
 * hold exactly its rows afterwards rather than old and new ones (or a duplicate-key failure).
 * A snapshot of every schema also holds the database's large objects, which are removed likewise.
 */
final class DataOnlyRestore {

    private DataOnlyRestore() {
    }

    static void emptyTables(Connection connection, SnapshotScope scope, List<TableFacts> tables) throws SQLException {
        if (scope.allSchemas()) {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata");
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        // ONLY: each partition or child is listed on its own; one statement, so foreign keys
        // between the listed tables do not stand in the way
        String names = tables.stream().map(t -> "ONLY " + t.table()).collect(Collectors.joining(", "));
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE TABLE " + names);
        }
    }
}
