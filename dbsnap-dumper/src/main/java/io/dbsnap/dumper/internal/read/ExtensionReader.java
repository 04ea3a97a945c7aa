package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Extension;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads installed extensions whose schema is dumped. Those created with the database (plpgsql,
 * OIDs below 16384) are part of every database and are left out, as pg_dump does. Each comes with
 * the dumped objects marked as depending on it.
 */
public final class ExtensionReader {

    /** The objects marked {@code ALTER ... DEPENDS ON EXTENSION}, as {@link ObjectTargets} wants its source. */
    private static final String MARKED_DEPENDENT = "(SELECT dep.classid AS classoid, dep.objid AS objoid, dep.objsubid, x.extname"
            + " FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_extension x ON x.oid = dep.refobjid"
            + " WHERE dep.deptype = 'x' AND dep.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass) d";

    private ExtensionReader() {
    }

    public static List<Extension> read(CatalogQuery query) throws SQLException {
        Map<String, List<String>> dependents = new HashMap<>();
        for (String[] row : ObjectTargets.list(query, MARKED_DEPENDENT, "d.extname",
                rs -> new String[] {rs.getString("target"), rs.getString("payload")})) {
            dependents.computeIfAbsent(row[1], x -> new ArrayList<>()).add(row[0]);
        }
        return query.list("SELECT x.extname, n.nspname, x.extversion FROM pg_catalog.pg_extension x"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace"
                        + " WHERE x.oid >= 16384 AND (cardinality(?::text[]) = 0 OR n.nspname = ANY(?::text[]))"
                        + " ORDER BY x.extname COLLATE \"C\"",
                rs -> new Extension(rs.getString("extname"), rs.getString("nspname"), rs.getString("extversion"),
                        dependents.getOrDefault(rs.getString("extname"), List.of())));
    }
}
