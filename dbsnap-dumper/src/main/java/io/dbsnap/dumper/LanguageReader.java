package io.dbsnap.dumper;

import io.dbsnap.catalog.ProceduralLanguage;
import io.dbsnap.catalog.Transform;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the procedural languages a user created (not those of an extension, such as plpgsql) and
 * the transforms between types and languages; database-wide, so only when every schema is dumped.
 */
final class LanguageReader {

    private LanguageReader() {
    }

    static List<ProceduralLanguage> languages(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT l.lanname, l.lanpltrusted, l.lanplcallfoid::pg_catalog.regproc::text,"
                        + " NULLIF(l.laninline, 0)::pg_catalog.regproc::text, NULLIF(l.lanvalidator, 0)::pg_catalog.regproc::text"
                        + " FROM pg_catalog.pg_language l WHERE l.lanispl AND l.oid >= " + CastReader.FIRST_USER_OID
                        + " AND" + SchemaFilter.notInExtension("pg_language", "l.oid") + " ORDER BY l.lanname COLLATE \"C\"",
                rs -> new ProceduralLanguage(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                        Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5))));
    }

    static List<Transform> transforms(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT pg_catalog.format_type(t.trftype, NULL), l.lanname,"
                        + " NULLIF(t.trffromsql, 0)::pg_catalog.regprocedure::text, NULLIF(t.trftosql, 0)::pg_catalog.regprocedure::text"
                        + " FROM pg_catalog.pg_transform t JOIN pg_catalog.pg_language l ON l.oid = t.trflang"
                        + " WHERE t.oid >= " + CastReader.FIRST_USER_OID + " AND" + SchemaFilter.notInExtension("pg_transform", "t.oid")
                        + " ORDER BY pg_catalog.format_type(t.trftype, NULL) COLLATE \"C\", l.lanname COLLATE \"C\"",
                rs -> new Transform(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4))));
    }
}
