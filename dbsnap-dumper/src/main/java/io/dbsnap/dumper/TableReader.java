package io.dbsnap.dumper;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ordinary tables with their columns and constraints: three bulk queries whatever the
 * number of tables, joined in memory by table OID.
 */
final class TableReader {

    private static final String TABLES_OF_DUMPED_SCHEMAS = " FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind = 'r' AND" + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL;

    private TableReader() {
    }

    static List<Table> read(Connection connection, SchemaFilter filter) throws SQLException {
        Map<Long, List<Column>> columns = readColumns(connection, filter);
        Map<Long, List<Constraint>> constraints = readConstraints(connection, filter);
        return CatalogQuery.list(connection, filter,
                "SELECT c.oid, n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity"
                        + TABLES_OF_DUMPED_SCHEMAS + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new Table(rs.getString(2), rs.getString(3), columns.getOrDefault(rs.getLong(1), List.of()),
                        constraints.getOrDefault(rs.getLong(1), List.of()), rs.getBoolean(4), rs.getBoolean(5)));
    }

    private static Map<Long, List<Column>> readColumns(Connection connection, SchemaFilter filter) throws SQLException {
        return CatalogQuery.groupedByOid(connection, filter,
                "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                        + " pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'r' AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY a.attrelid, a.attnum",
                rs -> new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), Optional.ofNullable(rs.getString(5)),
                        Column.Identity.fromCatalog(rs.getString(6))));
    }

    private static Map<Long, List<Constraint>> readConstraints(Connection connection, SchemaFilter filter)
            throws SQLException {
        // contype 'n' (NOT NULL, PostgreSQL 18) and 't' (constraint trigger) are not table constraints here.
        return CatalogQuery.groupedByOid(connection, filter,
                "SELECT co.conrelid, n.nspname, c.relname, co.conname, co.contype,"
                        + " pg_catalog.pg_get_constraintdef(co.oid)"
                        + " FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid = co.conrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE co.contype IN ('c', 'p', 'u', 'f', 'x') AND c.relkind = 'r' AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY co.conrelid, co.conname COLLATE \"C\"",
                rs -> new Constraint(rs.getString(2), rs.getString(3), rs.getString(4),
                        Constraint.Type.fromCatalog(rs.getString(5)), rs.getString(6)));
    }
}
