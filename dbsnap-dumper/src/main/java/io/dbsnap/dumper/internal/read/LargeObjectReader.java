package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.LargeObject;
import java.sql.SQLException;
import java.util.List;

/** Reads which large objects exist; database-wide, so only when the whole database is dumped. */
public final class LargeObjectReader {

    private LargeObjectReader() {
    }

    public static List<LargeObject> read(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT oid FROM pg_catalog.pg_largeobject_metadata ORDER BY oid",
                rs -> new LargeObject(rs.getLong("oid")));
    }
}
