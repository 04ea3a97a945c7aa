package io.dbsnap.dumper.internal.data;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Table;
import io.dbsnap.dump.TableData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * Writes one table's rows as a {@code COPY ... FROM stdin} block, streamed from the server's
 * {@code COPY ... TO STDOUT} straight into the script: a table is never held in memory. While
 * the rows pass, they are counted and hashed (SHA-256 of the COPY text) for the metadata.
 * Generated columns are left out (the server computes them again on load); identity columns
 * are kept with their values.
 */
final class TableCopy {

    private TableCopy() {
    }

    static TableData write(CopyManager copy, Table table, OutputStream out) throws SQLException, IOException {
        String columns = table.columns().stream().filter(c -> c.generated() == Column.Generated.NONE)
                .map(c -> quote(c.name())).collect(Collectors.joining(", "));
        // a table without columns is copied without a column list: "()" is not valid SQL
        String target = table.name().sql() + (columns.isEmpty() ? "" : " (" + columns + ")");
        // the blank line that separates it from what comes before, so that the block is self-contained
        out.write(("\nCOPY " + target + " FROM stdin;\n").getBytes(StandardCharsets.UTF_8));
        MessageDigest digest = sha256();
        CopyOut rows = copy.copyOut("COPY " + target + " TO STDOUT");
        try {
            // The server sends each row as one message, so no byte has to be looked at to count them.
            byte[] row;
            while ((row = rows.readFromCopy()) != null) {
                digest.update(row);
                out.write(row);
            }
        } finally {
            if (rows.isActive()) {
                rows.cancelCopy();
            }
        }
        out.write("\\.\n\n".getBytes(StandardCharsets.UTF_8));
        return new TableData(table.name(), rows.getHandledRowCount(), HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
