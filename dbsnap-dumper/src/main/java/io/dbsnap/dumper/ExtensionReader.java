package io.dbsnap.dumper;

import io.dbsnap.catalog.Extension;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads installed extensions whose schema is dumped. Those created with the database (plpgsql,
 * OIDs below 16384) are part of every database and are left out, as pg_dump does.
 */
final class ExtensionReader {

    private ExtensionReader() {
    }

    static List<Extension> read(CatalogQuery query) throws SQLException {
        return query.list("SELECT x.extname, n.nspname, x.extversion FROM pg_catalog.pg_extension x"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace"
                        + " WHERE x.oid >= 16384 AND (cardinality(?::text[]) = 0 OR n.nspname = ANY(?::text[]))"
                        + " ORDER BY x.extname COLLATE \"C\"",
                rs -> new Extension(rs.getString(1), rs.getString(2), rs.getString(3)));
    }
}
