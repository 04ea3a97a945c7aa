package io.dbsnap.reset;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.PrivateFiles;
import io.dbsnap.store.TableFacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * Each table's rows as they were at the snapshot, one file per table in COPY's text format, for
 * putting back the few tables a test changed without reading the whole snapshot. Rows stream
 * from the server to the file and back; no table is held in memory.
 *
 * <p>Text rather than binary: binary COPY carries type oids inside arrays and composites, which
 * change when a full restore recreates the types. Generated columns are left out (the server
 * computes them again); identity columns keep their values, as COPY FROM accepts them even for
 * {@code GENERATED ALWAYS}.
 *
 * <p>The text of a value depends on a few settings ({@link #FORMAT}); files are written and keys
 * compared with the same ones, so that a key in a file and the same key read back are the same bytes.
 */
final class TableCopies {

    /** The settings that fix how values print, set for the transaction that writes or compares. */
    static final String FORMAT = "SET LOCAL DateStyle = 'ISO, MDY'; SET LOCAL IntervalStyle = 'postgres';"
            + " SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'; SET LOCAL TimeZone = 'UTC';";

    /**
     * Up to how many rows a table's keys are held in memory to find its missing rows; a larger
     * table is loaded whole instead, so that memory stays bounded whatever the table's size.
     */
    static final long MOST_KEYS_IN_MEMORY = 500_000;

    private final Path directory;
    private final Map<String, Path> files;
    private final Map<String, Long> rows;

    private TableCopies(Path directory, Map<String, Path> files, Map<String, Long> rows) {
        this.directory = directory;
        this.files = files;
        this.rows = rows;
    }

    /** Writes every table's rows into {@code directory}, in the caller's transaction. */
    static TableCopies write(Connection connection, RelationInventory inventory, Path directory)
            throws SQLException, IOException {
        PrivateFiles.createDirectories(directory);
        try (var s = connection.createStatement()) {
            s.execute(FORMAT);
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Path> files = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        int number = 0;
        for (Relation table : inventory.tables()) {
            Path file = directory.resolve(String.format("%05d.copy", ++number));
            // the rows of the database under test: 0600, and never through a link planted there
            try (OutputStream out = PrivateFiles.createNew(file)) {
                rows.put(table.name(), copy.copyOut("COPY " + table.withColumns() + " TO STDOUT", out));
            }
            files.put(table.name(), file);
        }
        return new TableCopies(directory, files, rows);
    }

    /**
     * Each saved table's rows as {@link RowSetDigest}s, to compare with {@link LiveRows}: the file
     * read line by line (a row is one line: COPY's text format escapes newlines in values), in a
     * buffer of fixed size.
     */
    List<TableFacts> facts() throws IOException {
        List<TableFacts> facts = new ArrayList<>();
        for (Map.Entry<String, Path> table : new TreeMap<>(files).entrySet()) {
            RowSetDigest digest = new RowSetDigest();
            try (InputStream in = Files.newInputStream(table.getValue())) {
                byte[] buffer = new byte[65536];
                ByteArrayOutputStream line = new ByteArrayOutputStream(256);
                int read;
                while ((read = in.read(buffer)) != -1) {
                    int start = 0;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            line.write(buffer, start, i + 1 - start);
                            start = i + 1;
                            digest.add(line.toByteArray(), 0, line.size());
                            line.reset();
                        }
                    }
                    line.write(buffer, start, read - start);
                }
                if (line.size() > 0) {
                    throw cutShort(table.getKey(), table.getValue());
                }
            }
            facts.add(digest.facts(table.getKey()));
        }
        return facts;
    }

    /** Whether {@link #loadMissing} can put back the rows of {@code table}: it has a key, and not too many rows. */
    boolean canLoadMissing(Relation table) {
        return table.hasKey() && rows.getOrDefault(table.name(), Long.MAX_VALUE) <= MOST_KEYS_IN_MEMORY;
    }

    /** Loads the snapshot's rows of {@code table} (which the caller emptied) from its file. */
    long load(Connection connection, Relation table) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (InputStream in = Files.newInputStream(fileOf(table))) {
            return copy.copyIn("COPY " + table.withColumns() + " FROM STDIN", in, 65536);
        }
    }

    /**
     * Loads the snapshot's rows of {@code table} whose primary key the table no longer holds: the
     * rows a test deleted or changed, once the caller deleted the changed ones. The keys the table
     * holds are read in COPY's text format, to compare them with the file's bytes as they are.
     * Runs in a transaction that set {@link #FORMAT}.
     *
     * @return the number of rows loaded
     */
    long loadMissing(Connection connection, Relation table) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Set<String> held = new HashSet<>();
        CopyOut keys = copy.copyOut("COPY (SELECT " + String.join(", ", table.key()) + " FROM ONLY " + table.name()
                + ") TO STDOUT");
        byte[] row;
        while ((row = keys.readFromCopy()) != null) {
            held.add(new String(row, 0, row.length - 1, StandardCharsets.ISO_8859_1));
        }
        int[] keyFields = table.key().stream().mapToInt(table.columns()::indexOf).toArray();
        CopyIn missing = null;
        try (InputStream in = Files.newInputStream(fileOf(table))) {
            byte[] buffer = new byte[65536];
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int read;
            while ((read = in.read(buffer)) != -1) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    line.write(buffer, start, i + 1 - start);
                    start = i + 1;
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (!held.contains(keyOf(bytes, keyFields))) {
                        if (missing == null) {
                            missing = copy.copyIn("COPY " + table.withColumns() + " FROM STDIN");
                        }
                        missing.writeToCopy(bytes, 0, bytes.length);
                    }
                }
                line.write(buffer, start, read - start);
            }
            if (line.size() > 0) {
                throw cutShort(table.name(), fileOf(table));
            }
            return missing == null ? 0 : missing.endCopy();
        } finally {
            if (missing != null && missing.isActive()) {
                missing.cancelCopy();
            }
        }
    }

    /**
     * The key of one line of a file, as {@code COPY (SELECT key columns ...)} prints it: the key's
     * fields joined by tabs. Fields are separated by tabs (a tab inside a value is escaped as
     * {@code \t}); bytes map one to one onto ISO-8859-1 characters, so no encoding is involved.
     */
    private static String keyOf(byte[] line, int[] keyFields) {
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < keyFields.length; k++) {
            int field = keyFields[k];
            int from = 0;
            for (int f = 0; f < field; f++) {
                while (line[from] != '\t') {
                    from++;
                }
                from++;
            }
            int to = from;
            while (line[to] != '\t' && line[to] != '\n') {
                to++;
            }
            if (k > 0) {
                key.append('\t');
            }
            key.append(new String(line, from, to - from, StandardCharsets.ISO_8859_1));
        }
        return key.toString();
    }

    private static DbSnapException cutShort(String table, Path file) {
        return new DbSnapException("The saved rows of " + table + " in " + file + " end in the middle of a row: the"
                + " file was cut short. Close this FastReset and capture the database again.");
    }

    private Path fileOf(Relation table) {
        Path file = files.get(table.name());
        if (file == null) {
            throw new DbSnapException("Table " + table.name() + " has no rows saved in " + directory
                    + ": it did not exist when the snapshot was taken.");
        }
        return file;
    }
}
