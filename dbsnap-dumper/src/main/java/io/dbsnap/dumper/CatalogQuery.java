package io.dbsnap.dumper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs one bulk catalog query restricted to the dumped schemas and maps its rows. */
final class CatalogQuery {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private CatalogQuery() {
    }

    /** The rows of {@code sql}, whose only parameters are those of {@link SchemaFilter#SQL}. */
    static <T> List<T> list(Connection connection, SchemaFilter filter, String sql, Row<T> row) throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement s = filter.prepare(connection, sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(row.map(rs));
            }
        }
        return result;
    }

    /** The rows of {@code sql} grouped by its first column, an OID, in the order the query gives. */
    static <T> Map<Long, List<T>> groupedByOid(Connection connection, SchemaFilter filter, String sql, Row<T> row)
            throws SQLException {
        Map<Long, List<T>> result = new HashMap<>();
        try (PreparedStatement s = filter.prepare(connection, sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(row.map(rs));
            }
        }
        return result;
    }
}
