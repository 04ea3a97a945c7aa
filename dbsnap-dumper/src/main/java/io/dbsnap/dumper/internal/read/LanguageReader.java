package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.ProceduralLanguage;
import io.dbsnap.catalog.Transform;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the procedural languages a user created (not those of an extension, such as plpgsql) and
 * the transforms between types and languages; database-wide, so only when every schema is dumped.
 */
public final class LanguageReader {

    private LanguageReader() {
    }

    public static List<ProceduralLanguage> languages(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT l.lanname, l.lanpltrusted, l.lanplcallfoid::pg_catalog.regproc::text AS handler,"
                        + " NULLIF(l.laninline, 0)::pg_catalog.regproc::text AS inline_handler,"
                        + " NULLIF(l.lanvalidator, 0)::pg_catalog.regproc::text AS validator"
                        + " FROM pg_catalog.pg_language l WHERE l.lanispl AND l.oid >= " + CastReader.FIRST_USER_OID
                        + " AND" + SchemaFilter.notInExtension("pg_language", "l.oid") + " ORDER BY l.lanname COLLATE \"C\"",
                rs -> new ProceduralLanguage(rs.getString("lanname"), rs.getBoolean("lanpltrusted"), rs.getString("handler"),
                        Optional.ofNullable(rs.getString("inline_handler")), Optional.ofNullable(rs.getString("validator"))));
    }

    public static List<Transform> transforms(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT pg_catalog.format_type(t.trftype, NULL) AS type, l.lanname,"
                        + " NULLIF(t.trffromsql, 0)::pg_catalog.regprocedure::text AS from_sql,"
                        + " NULLIF(t.trftosql, 0)::pg_catalog.regprocedure::text AS to_sql"
                        + " FROM pg_catalog.pg_transform t JOIN pg_catalog.pg_language l ON l.oid = t.trflang"
                        + " WHERE t.oid >= " + CastReader.FIRST_USER_OID + " AND" + SchemaFilter.notInExtension("pg_transform", "t.oid")
                        + " ORDER BY pg_catalog.format_type(t.trftype, NULL) COLLATE \"C\", l.lanname COLLATE \"C\"",
                rs -> new Transform(rs.getString("type"), rs.getString("lanname"), Optional.ofNullable(rs.getString("from_sql")),
                        Optional.ofNullable(rs.getString("to_sql"))));
    }
}
