package io.dbsnap.dumper;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;

/**
 * Writes one table's rows as a {@code COPY ... FROM stdin} block, streamed from the server's
 * {@code COPY ... TO STDOUT} straight into the script: a table is never held in memory.
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
        out.write(("COPY " + target + " FROM stdin;\n").getBytes(StandardCharsets.UTF_8));
        CountingDigestStream rows = new CountingDigestStream(out);
        copy.copyOut("COPY " + target + " TO STDOUT", rows);
        out.write("\\.\n\n".getBytes(StandardCharsets.UTF_8));
        return new TableData(table.name(), rows.rows(), rows.sha256());
    }
}
