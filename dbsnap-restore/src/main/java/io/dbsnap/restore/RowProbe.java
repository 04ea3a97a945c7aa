package io.dbsnap.restore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds which tables hold rows, without counting them all: an {@code EXISTS} per table (one page
 * read at most), a few hundred tables per query; then an exact count of the first
 * {@value #COUNTED_TABLES} that hold rows, each stopped at {@value #COUNT_LIMIT} rows. Each table
 * is read {@code ONLY}, so that a parent's rows are not counted again under its children.
 */
final class RowProbe {

    /** How many of the tables that hold rows are counted. */
    static final int COUNTED_TABLES = 20;
    /** Where a count stops: enough to tell people what they lose, bounded in time. */
    static final long COUNT_LIMIT = 1_000_000;
    private static final int TABLES_PER_QUERY = 200;

    private RowProbe() {
    }

    /**
     * @param tables tables as SQL ({@code app."Order"}), in the order they are to be listed; not
     *               partitioned parents, which hold no rows of their own
     */
    static TablesWithRows find(Connection connection, List<String> tables) throws SQLException {
        List<String> occupied = new ArrayList<>();
        for (int from = 0; from < tables.size(); from += TABLES_PER_QUERY) {
            occupied.addAll(withRows(connection, tables.subList(from, Math.min(tables.size(), from + TABLES_PER_QUERY))));
        }
        List<TableRows> counted = new ArrayList<>();
        for (String table : occupied.subList(0, Math.min(occupied.size(), COUNTED_TABLES))) {
            counted.add(count(connection, table));
        }
        return new TablesWithRows(counted, occupied.size());
    }

    private static List<String> withRows(Connection connection, List<String> tables) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                    .append(" WHERE EXISTS (SELECT FROM ONLY ").append(tables.get(i)).append(')');
        }
        List<String> found = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                found.add(tables.get(rs.getInt(1)));
            }
        }
        // UNION ALL gives no order: keep the caller's
        found.sort((a, b) -> Integer.compare(tables.indexOf(a), tables.indexOf(b)));
        return found;
    }

    private static TableRows count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT FROM ONLY " + table + " LIMIT "
                     + (COUNT_LIMIT + 1) + ") AS limited")) {
            rs.next();
            long rows = rs.getLong(1);
            return rows > COUNT_LIMIT ? new TableRows(table, COUNT_LIMIT, true) : new TableRows(table, rows, false);
        }
    }
}
