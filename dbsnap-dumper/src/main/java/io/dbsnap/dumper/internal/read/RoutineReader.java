package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Routine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads functions and procedures (rendered by the server's {@code pg_get_functiondef}) and
 * aggregates (read from {@code pg_aggregate}, which no server function renders, and written by
 * {@link AggregateDdl}).
 */
public final class RoutineReader {

    private static final String ROUTINES = " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE" + SchemaFilter.notInExtension("pg_proc", "p.oid") + "AND" + SchemaFilter.SQL;

    private RoutineReader() {
    }

    public static List<Routine> read(CatalogQuery query) throws SQLException {
        List<Routine> routines = new ArrayList<>(query.list(
                "SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS signature,"
                        + " p.prokind = 'p' AS procedure, pg_catalog.pg_get_functiondef(p.oid) AS definition" + ROUTINES
                        // window functions ('w') are functions that pg_get_functiondef writes with WINDOW
                        + " AND p.prokind IN ('f', 'p', 'w')"
                        // range constructors and the like are created with their type
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
                        + " AND i.objid = p.oid AND i.deptype = 'i')",
                rs -> new Routine(new QualifiedName(rs.getString("nspname"), rs.getString("proname")), rs.getString("signature"),
                        rs.getBoolean("procedure") ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION,
                        rs.getString("definition").strip())));
        routines.addAll(aggregates(query));
        routines.sort(Comparator.comparing((Routine r) -> r.name().schema()).thenComparing(r -> r.name().name())
                .thenComparing(Routine::signature));
        return routines;
    }

    private static List<Routine> aggregates(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS signature,"
                        // an aggregate of no arguments is written f(*); f() is a syntax error
                        + " COALESCE(NULLIF(pg_catalog.pg_get_function_arguments(p.oid), ''), '*') AS arguments, a.aggkind,"
                        + " a.aggtransfn::pg_catalog.regproc::text AS transfn,"
                        + " pg_catalog.format_type(a.aggtranstype, NULL) AS transtype, a.aggtransspace,"
                        + " NULLIF(a.aggfinalfn, 0)::pg_catalog.regproc::text AS finalfn, a.aggfinalextra, a.aggfinalmodify,"
                        + " NULLIF(a.aggcombinefn, 0)::pg_catalog.regproc::text AS combinefn,"
                        + " NULLIF(a.aggserialfn, 0)::pg_catalog.regproc::text AS serialfn,"
                        + " NULLIF(a.aggdeserialfn, 0)::pg_catalog.regproc::text AS deserialfn,"
                        + " a.agginitval, NULLIF(a.aggmtransfn, 0)::pg_catalog.regproc::text AS mtransfn,"
                        + " NULLIF(a.aggminvtransfn, 0)::pg_catalog.regproc::text AS minvtransfn,"
                        + " CASE WHEN a.aggmtranstype <> 0 THEN pg_catalog.format_type(a.aggmtranstype, NULL) END AS mtranstype,"
                        + " a.aggmtransspace, NULLIF(a.aggmfinalfn, 0)::pg_catalog.regproc::text AS mfinalfn, a.aggmfinalextra,"
                        + " a.aggmfinalmodify, a.aggminitval, NULLIF(a.aggsortop, 0)::pg_catalog.regoperator::text AS sortop,"
                        + " p.proparallel"
                        + ROUTINES.replace(" WHERE", " JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE"),
                rs -> new Routine(new QualifiedName(rs.getString("nspname"), rs.getString("proname")), rs.getString("signature"),
                        Routine.Kind.AGGREGATE, AggregateDdl.create(aggregate(rs))));
    }

    private static Aggregate aggregate(ResultSet rs) throws SQLException {
        Aggregate.MovingState moving = new Aggregate.MovingState(text(rs, "mtransfn"), text(rs, "minvtransfn"),
                text(rs, "mtranstype"), rs.getInt("aggmtransspace"), text(rs, "mfinalfn"), rs.getBoolean("aggmfinalextra"),
                rs.getString("aggmfinalmodify"), text(rs, "aggminitval"));
        return new Aggregate(new QualifiedName(rs.getString("nspname"), rs.getString("proname")), rs.getString("arguments"),
                rs.getString("aggkind"), rs.getString("transfn"), rs.getString("transtype"), rs.getInt("aggtransspace"),
                text(rs, "finalfn"), rs.getBoolean("aggfinalextra"), rs.getString("aggfinalmodify"), text(rs, "combinefn"),
                text(rs, "serialfn"), text(rs, "deserialfn"), text(rs, "agginitval"), moving, text(rs, "sortop"),
                rs.getString("proparallel"));
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }
}
