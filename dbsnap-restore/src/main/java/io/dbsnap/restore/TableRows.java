package io.dbsnap.restore;

import java.util.Objects;

/**
 * How many rows a table holds now.
 *
 * @param table  the table as SQL ({@code app."Order"})
 * @param rows   its rows, counted exactly up to {@link RowProbe#COUNT_LIMIT}
 * @param atLeast the table holds more rows than were counted ({@code rows} is the limit)
 */
public record TableRows(String table, long rows, boolean atLeast) {

    public TableRows {
        Objects.requireNonNull(table, "table");
    }

    /** {@code app.users: 3 rows}, or {@code app.events: over 1,000,000 rows}. */
    public String describe() {
        return table + ": " + (atLeast ? "over " : "") + String.format(java.util.Locale.ROOT, "%,d", rows)
                + (rows == 1 && !atLeast ? " row" : " rows");
    }
}
