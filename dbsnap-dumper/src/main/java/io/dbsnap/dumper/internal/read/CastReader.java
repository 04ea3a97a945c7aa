package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Cast;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the casts a user created (OID above the built-in range, not an extension's). Casts belong
 * to no schema, so, like pg_dump, they are read only when the whole database is dumped.
 */
public final class CastReader {

    /** The first OID that initdb does not assign (FirstNormalObjectId). */
    static final int FIRST_USER_OID = 16384;

    private CastReader() {
    }

    public static List<Cast> read(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        // CREATE TYPE ... AS RANGE makes the cast to its multirange itself (PostgreSQL 14+).
        String notMultirange = query.atLeast(14) ? " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_range r"
                + " WHERE r.rngtypid = c.castsource AND r.rngmultitypid = c.casttarget)" : "";
        return query.listDatabaseWide("SELECT pg_catalog.format_type(c.castsource, NULL) AS source,"
                        + " pg_catalog.format_type(c.casttarget, NULL) AS target, c.castmethod,"
                        + " CASE WHEN c.castfunc <> 0 THEN c.castfunc::pg_catalog.regprocedure::text END AS function, c.castcontext"
                        + " FROM pg_catalog.pg_cast c WHERE c.oid >= " + FIRST_USER_OID + " AND"
                        + SchemaFilter.notInExtension("pg_cast", "c.oid") + notMultirange
                        + " ORDER BY pg_catalog.format_type(c.castsource, NULL) COLLATE \"C\","
                        + " pg_catalog.format_type(c.casttarget, NULL) COLLATE \"C\"",
                rs -> new Cast(rs.getString("source"), rs.getString("target"), method(rs.getString("castmethod")),
                        Optional.ofNullable(rs.getString("function")), context(rs.getString("castcontext"))));
    }

    private static Cast.Method method(String code) {
        return switch (code) {
            case "f" -> Cast.Method.FUNCTION;
            case "i" -> Cast.Method.INOUT;
            default -> Cast.Method.BINARY;
        };
    }

    private static Cast.Context context(String code) {
        return switch (code) {
            case "a" -> Cast.Context.ASSIGNMENT;
            case "i" -> Cast.Context.IMPLICIT;
            default -> Cast.Context.EXPLICIT;
        };
    }
}
