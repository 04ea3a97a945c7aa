package io.dbsnap.dumper;

import io.dbsnap.catalog.Routine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads functions and procedures (not aggregates or window functions, which need their own DDL). */
final class RoutineReader {

    private RoutineReader() {
    }

    static List<Routine> read(Connection connection, SchemaFilter filter) throws SQLException {
        return CatalogQuery.list(connection, filter,
                "SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),"
                        + " p.prokind = 'p', pg_catalog.pg_get_functiondef(p.oid)"
                        + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE p.prokind IN ('f', 'p') AND"
                        + SchemaFilter.notInExtension("pg_proc", "p.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", p.proname COLLATE \"C\","
                        + " pg_catalog.pg_get_function_identity_arguments(p.oid) COLLATE \"C\"",
                rs -> new Routine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5)));
    }
}
