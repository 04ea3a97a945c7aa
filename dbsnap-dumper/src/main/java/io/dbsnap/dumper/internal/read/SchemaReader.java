package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Schema;
import java.sql.SQLException;
import java.util.List;

/** Reads the dumped schemas. */
public final class SchemaReader {

    private SchemaReader() {
    }

    public static List<Schema> read(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\"",
                rs -> new Schema(rs.getString("nspname")));
    }
}
