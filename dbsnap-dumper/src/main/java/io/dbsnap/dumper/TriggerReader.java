package io.dbsnap.dumper;

import io.dbsnap.catalog.Trigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads user-defined triggers of dumped tables (not the internal ones behind foreign keys). */
final class TriggerReader {

    private TriggerReader() {
    }

    static List<Trigger> read(Connection connection, SchemaFilter filter) throws SQLException {
        return CatalogQuery.list(connection, filter,
                "SELECT n.nspname, c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid)"
                        + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE NOT t.tgisinternal AND c.relkind = 'r' AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", t.tgname COLLATE \"C\"",
                rs -> new Trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
}
