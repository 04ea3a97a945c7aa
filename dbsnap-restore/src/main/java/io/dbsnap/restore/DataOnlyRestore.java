package io.dbsnap.restore;

import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.restore.script.ScriptReader;
import io.dbsnap.restore.script.ScriptStatement;
import io.dbsnap.restore.script.StatementKind;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.TableFacts;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Before a data-only snapshot is loaded, the tables it holds rows for are emptied, so that they
 * hold exactly its rows afterwards rather than old and new ones (or a duplicate-key failure).
 * A snapshot of every schema also holds the database's large objects, which are removed likewise.
 *
 * <p>The tables to empty come from the snapshot's metadata, which no checksum covers: each name is
 * taken apart and quoted again, and the list must be the tables the (checksummed) script loads, so
 * that an edited metadata file can neither inject SQL nor empty a table the snapshot does not refill.
 */
final class DataOnlyRestore {

    private DataOnlyRestore() {
    }

    /**
     * Reads {@code script} (the snapshot's SQL, checked) for the tables it loads with COPY, and
     * refuses metadata that names others.
     *
     * @throws SnapshotCorruptException when a table name is malformed, or the metadata and the script disagree
     */
    static void checkTables(List<TableFacts> tables, InputStream script, Path metadataFile) {
        Set<TableName> loaded = new LinkedHashSet<>();
        try (ScriptReader reader = new ScriptReader(script)) {
            Optional<ScriptStatement> next;
            while ((next = reader.next()).isPresent()) {
                ScriptStatement statement = next.get();
                if (statement.kind() == StatementKind.COPY_FROM_STDIN) {
                    String target = CopyTarget.tableOf(statement.sql());
                    loaded.add(TableName.parse(target).orElseThrow(() -> new SnapshotCorruptException("The script of "
                            + "the snapshot loads '" + target + "' (line " + statement.line() + "), which is not a "
                            + "schema-qualified table name. Nothing was changed.")));
                }
            }
        }
        List<String> notLoaded = new ArrayList<>();
        for (TableFacts table : tables) {
            if (!loaded.contains(TableName.fromMetadata(table.table(), metadataFile))) {
                notLoaded.add(table.table());
            }
        }
        if (!notLoaded.isEmpty()) {
            throw new SnapshotCorruptException("The metadata file " + metadataFile + " lists tables the snapshot's "
                    + "script does not load: " + abbreviate(String.join(", ", notLoaded)) + ". Restoring would empty "
                    + "them for nothing; the file was edited or belongs to another snapshot. Nothing was changed; "
                    + "restore the file from a copy, or take a new snapshot.");
        }
    }

    static void emptyTables(Connection connection, SnapshotScope scope, List<TableFacts> tables, Path metadataFile)
            throws SQLException {
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
        String names = tables.stream().map(t -> "ONLY " + TableName.fromMetadata(t.table(), metadataFile).sql())
                .collect(Collectors.joining(", "));
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE TABLE " + names);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
