package io.dbsnap.restore;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tables that hold rows, of those a restore would leave empty: the first ones counted, the
 * number of all of them. Every table is checked, but only the first
 * {@value RowProbe#COUNTED_TABLES} are counted, so that looking stays fast on a database of
 * thousands of large tables.
 *
 * @param counted the first tables that hold rows, in catalog order, with their rows
 * @param tables  how many tables hold rows, counted or not
 */
public record TablesWithRows(List<TableRows> counted, int tables) {

    public TablesWithRows {
        counted = List.copyOf(counted);
        if (tables < counted.size()) {
            throw new IllegalArgumentException(tables + " tables cannot have " + counted.size() + " counted");
        }
    }

    /** No table holds rows. */
    public static TablesWithRows none() {
        return new TablesWithRows(List.of(), 0);
    }

    public boolean isEmpty() {
        return tables == 0;
    }

    /** The rows in the counted tables: all rows when {@link #exact()}, a lower bound otherwise. */
    public long rows() {
        return counted.stream().mapToLong(TableRows::rows).sum();
    }

    /** Every table holding rows was counted, each exactly. */
    public boolean exact() {
        return counted.size() == tables && counted.stream().noneMatch(TableRows::atLeast);
    }

    /** The total for people: {@code 2 tables, 6 rows in all}, or {@code 57 tables, at least 1,234 rows}. */
    public String total() {
        return tables + (tables == 1 ? " table, " : " tables, ") + (exact() ? "" : "at least ")
                + String.format(Locale.ROOT, "%,d", rows()) + (rows() == 1 ? " row" : " rows") + (exact() ? " in all" : "");
    }

    /** {@code app.users: 3 rows, app.audit: 3 rows (2 tables, 6 rows in all)}, with how many more were not counted. */
    public String describe() {
        String list = counted.stream().map(TableRows::describe).collect(Collectors.joining(", "));
        int more = tables - counted.size();
        return list + (more > 0 ? ", and " + more + " more " + (more == 1 ? "table" : "tables") + " with rows, not counted" : "")
                + " (" + total() + ")";
    }
}
