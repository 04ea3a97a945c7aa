package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Conversion;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;

/** Reads the encoding conversions of the dumped schemas. */
public final class ConversionReader {

    private ConversionReader() {
    }

    public static List<Conversion> read(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, c.conname, pg_catalog.pg_encoding_to_char(c.conforencoding) AS source_encoding,"
                        + " pg_catalog.pg_encoding_to_char(c.contoencoding) AS target_encoding,"
                        + " c.conproc::pg_catalog.regproc::text AS function, c.condefault"
                        + " FROM pg_catalog.pg_conversion c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_conversion", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.conname COLLATE \"C\"",
                rs -> new Conversion(new QualifiedName(rs.getString("nspname"), rs.getString("conname")),
                        rs.getString("source_encoding"), rs.getString("target_encoding"), rs.getString("function"),
                        rs.getBoolean("condefault")));
    }
}
