package io.dbsnap.diff;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one table's rows differ between two snapshots with data, from the row counts and
 * checksums in their metadata.
 *
 * @param table      the table as the snapshots name it, {@code schema.table} quoted as SQL
 *                   ({@code public."Order"})
 * @param schema     the table's schema, unquoted, for grouping
 * @param kind       what differs
 * @param rowsBefore the rows in the first snapshot; empty when only the second has the table's rows
 * @param rowsAfter  the rows in the second snapshot; empty when only the first has the table's rows
 */
public record DataChange(String table, String schema, Kind kind, Optional<Long> rowsBefore, Optional<Long> rowsAfter) {

    /** What differs about a table's rows. */
    public enum Kind {
        /** The row count differs. */
        ROWS_CHANGED,
        /** The row count is equal, the checksum of the rows is not: rows were updated, or replaced one for one. */
        CONTENTS_CHANGED,
        /** Only the second snapshot has rows of the table. */
        ADDED,
        /** Only the first snapshot has rows of the table. */
        REMOVED;

        /** The kind as the JSON report writes it: {@code rows_changed}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DataChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rowsBefore, "rowsBefore");
        Objects.requireNonNull(rowsAfter, "rowsAfter");
    }

    /** {@code app.orders: 120 → 130 rows}, {@code app.users: contents changed (12 rows)}. */
    @Override
    public String toString() {
        return table + ": " + switch (kind) {
            case ROWS_CHANGED -> rowsBefore.orElseThrow() + " → " + rows(rowsAfter.orElseThrow());
            case CONTENTS_CHANGED -> "contents changed (" + rows(rowsAfter.orElseThrow()) + ")";
            case ADDED -> "rows only in the second snapshot (" + rows(rowsAfter.orElseThrow()) + ")";
            case REMOVED -> "rows only in the first snapshot (" + rows(rowsBefore.orElseThrow()) + ")";
        };
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
