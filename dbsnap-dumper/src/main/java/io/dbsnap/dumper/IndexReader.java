package io.dbsnap.dumper;

import io.dbsnap.catalog.Index;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads the indexes of dumped tables, except those that implement a constraint. */
final class IndexReader {

    private IndexReader() {
    }

    static List<Index> read(Connection connection, SchemaFilter filter) throws SQLException {
        return CatalogQuery.list(connection, filter,
                "SELECT n.nspname, t.relname, i.relname, pg_catalog.pg_get_indexdef(x.indexrelid)"
                        + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
                        + " JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE t.relkind = 'r'"
                        // a foreign key also points conindid at the index it uses, so match the table too
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co WHERE co.conindid = x.indexrelid"
                        + " AND co.conrelid = x.indrelid AND co.contype IN ('p', 'u', 'x')) AND"
                        + SchemaFilter.notInExtension("pg_class", "t.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", i.relname COLLATE \"C\"",
                rs -> new Index(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
}
