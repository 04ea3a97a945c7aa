package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the bulk catalog queries of one read: restricted to the dumped schemas, on one
 * connection, aware of the server version where the catalogs differ.
 *
 * @param serverVersion {@code server_version_num}, e.g. 150004
 */
public record CatalogQuery(Connection connection, SchemaFilter filter, int serverVersion) {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    boolean atLeast(int majorVersion) {
        return serverVersion >= majorVersion * 10000;
    }

    /** The rows of {@code sql}, whose only parameters are the two of {@link SchemaFilter#SQL}. */
    <T> List<T> list(String sql, Row<T> row) throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement s = filter.prepare(connection, sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(row.map(rs));
            }
        }
        return result;
    }

    /** The rows of {@code sql}, a query of database-wide objects without parameters. */
    <T> List<T> listDatabaseWide(String sql, Row<T> row) throws SQLException {
        List<T> result = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(row.map(rs));
            }
        }
        return result;
    }

    /** The rows of {@code sql} grouped by its first column, an OID, in the order the query gives. */
    <T> Map<Long, List<T>> groupedByOid(String sql, Row<T> row) throws SQLException {
        Map<Long, List<T>> result = new HashMap<>();
        try (PreparedStatement s = filter.prepare(connection, sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(row.map(rs));
            }
        }
        return result;
    }

    boolean wholeDatabase() {
        return filter.wholeDatabase();
    }

    /** The name in the columns {@code schemaColumn} and {@code nameColumn}; empty when either is NULL. */
    static Optional<QualifiedName> qualifiedName(ResultSet rs, String schemaColumn, String nameColumn)
            throws SQLException {
        String schema = rs.getString(schemaColumn);
        String name = rs.getString(nameColumn);
        return schema == null || name == null ? Optional.empty()
                : Optional.of(new QualifiedName(schema, name));
    }

    /** The name in the columns labelled {@code prefix_schema} and {@code prefix_name}; empty when either is NULL. */
    static Optional<QualifiedName> qualifiedName(ResultSet rs, String prefix) throws SQLException {
        return qualifiedName(rs, prefix + "_schema", prefix + "_name");
    }

    /** The text array in the column labelled {@code column}; empty for NULL. */
    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
