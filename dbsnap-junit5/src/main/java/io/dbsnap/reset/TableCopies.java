package io.dbsnap.reset;

import io.dbsnap.DbSnapException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Each table's rows as they were at the snapshot, one file per table in COPY's text format, for
 * putting back the few tables a test changed without reading the whole snapshot. Rows stream
 * from the server to the file and back; no table is held in memory.
 *
 * <p>Text rather than binary: binary COPY carries type oids inside arrays and composites, which
 * change when a full restore recreates the types. Generated columns are left out (the server
 * computes them again); identity columns keep their values, as COPY FROM accepts them even for
 * {@code GENERATED ALWAYS}.
 */
final class TableCopies {

    private final Path directory;
    private final Map<String, Path> files;

    private TableCopies(Path directory, Map<String, Path> files) {
        this.directory = directory;
        this.files = files;
    }

    /** Writes every table's rows into {@code directory}, in the caller's transaction. */
    static TableCopies write(Connection connection, RelationInventory inventory, Path directory)
            throws SQLException, IOException {
        Files.createDirectories(directory);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Path> files = new HashMap<>();
        int number = 0;
        for (Relation table : inventory.tables()) {
            Path file = directory.resolve(String.format("%05d.copy", ++number));
            try (OutputStream out = Files.newOutputStream(file)) {
                copy.copyOut("COPY " + table.withColumns() + " TO STDOUT", out);
            }
            files.put(table.name(), file);
        }
        return new TableCopies(directory, files);
    }

    /** Loads the snapshot's rows of {@code table} (which the caller emptied) from its file. */
    long load(Connection connection, Relation table) throws SQLException, IOException {
        Path file = files.get(table.name());
        if (file == null) {
            throw new DbSnapException("Table " + table.name() + " has no rows saved in " + directory
                    + ": it did not exist when the snapshot was taken.");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (InputStream in = Files.newInputStream(file)) {
            return copy.copyIn("COPY " + table.withColumns() + " FROM STDIN", in, 65536);
        }
    }

    Path directory() {
        return directory;
    }
}
