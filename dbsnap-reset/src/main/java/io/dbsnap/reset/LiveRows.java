package io.dbsnap.reset;

import io.dbsnap.connection.Transaction;
import io.dbsnap.store.TableFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * The rows every table of the database holds now, as {@link RowSetDigest}s of their COPY text,
 * to compare with {@link TableCopies#facts()}: read with the same columns and the same settings
 * ({@link TableCopies#FORMAT}) as the copies were written, streamed row by row.
 */
final class LiveRows {

    private LiveRows() {
    }

    /** Reads every table of {@code inventory} in one transaction, rolled back whatever happens (it changes nothing). */
    static List<TableFacts> read(Connection connection, RelationInventory inventory) throws SQLException {
        return Transaction.rollBack(connection, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(TableCopies.FORMAT);
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<TableFacts> facts = new ArrayList<>();
            for (Relation table : inventory.tables()) {
                facts.add(read(copy, table));
            }
            return facts;
        });
    }

    private static TableFacts read(CopyManager copy, Relation table) throws SQLException {
        RowSetDigest digest = new RowSetDigest();
        CopyOut rows = copy.copyOut("COPY " + table.withColumns() + " TO STDOUT");
        try {
            // the server sends each row as one message, newline included
            byte[] row;
            while ((row = rows.readFromCopy()) != null) {
                digest.add(row, 0, row.length);
            }
        } finally {
            if (rows.isActive()) {
                rows.cancelCopy();
            }
        }
        return digest.facts(table.name());
    }
}
