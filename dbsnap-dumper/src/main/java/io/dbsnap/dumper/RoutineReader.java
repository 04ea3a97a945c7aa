package io.dbsnap.dumper;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Routine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads functions and procedures (rendered by the server's {@code pg_get_functiondef}) and
 * aggregates (written from {@code pg_aggregate}, which no server function renders).
 */
final class RoutineReader {

    private static final String ROUTINES = " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE" + SchemaFilter.notInExtension("pg_proc", "p.oid") + "AND" + SchemaFilter.SQL;

    private RoutineReader() {
    }

    static List<Routine> read(CatalogQuery query) throws SQLException {
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
                        Routine.Kind.AGGREGATE, createAggregate(rs)));
    }

    private static String createAggregate(ResultSet rs) throws SQLException {
        String kind = rs.getString("aggkind");
        // FINALFUNC_MODIFY defaults to READ_ONLY for plain aggregates, READ_WRITE for ordered-set ones.
        String defaultModify = kind.equals("n") ? "r" : "w";
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + rs.getString("transfn"));
        options.add("STYPE = " + rs.getString("transtype"));
        if (rs.getInt("aggtransspace") != 0) {
            options.add("SSPACE = " + rs.getInt("aggtransspace"));
        }
        option(options, "FINALFUNC", rs.getString("finalfn"));
        if (rs.getBoolean("aggfinalextra")) {
            options.add("FINALFUNC_EXTRA");
        }
        if (!rs.getString("aggfinalmodify").equals(defaultModify)) {
            options.add("FINALFUNC_MODIFY = " + modify(rs.getString("aggfinalmodify")));
        }
        option(options, "COMBINEFUNC", rs.getString("combinefn"));
        option(options, "SERIALFUNC", rs.getString("serialfn"));
        option(options, "DESERIALFUNC", rs.getString("deserialfn"));
        if (rs.getString("agginitval") != null) {
            options.add("INITCOND = " + Literals.string(rs.getString("agginitval")));
        }
        option(options, "MSFUNC", rs.getString("mtransfn"));
        option(options, "MINVFUNC", rs.getString("minvtransfn"));
        option(options, "MSTYPE", rs.getString("mtranstype"));
        if (rs.getInt("aggmtransspace") != 0) {
            options.add("MSSPACE = " + rs.getInt("aggmtransspace"));
        }
        option(options, "MFINALFUNC", rs.getString("mfinalfn"));
        if (rs.getBoolean("aggmfinalextra")) {
            options.add("MFINALFUNC_EXTRA");
        }
        if (rs.getString("mtransfn") != null && !rs.getString("aggmfinalmodify").equals(defaultModify)) {
            options.add("MFINALFUNC_MODIFY = " + modify(rs.getString("aggmfinalmodify")));
        }
        if (rs.getString("aggminitval") != null) {
            options.add("MINITCOND = " + Literals.string(rs.getString("aggminitval")));
        }
        if (rs.getString("sortop") != null) {
            options.add("SORTOP = OPERATOR(" + rs.getString("sortop").replaceFirst("\\(.*$", "") + ")");
        }
        switch (rs.getString("proparallel")) {
            case "s" -> options.add("PARALLEL = safe");
            case "r" -> options.add("PARALLEL = restricted");
            default -> { }
        }
        if (kind.equals("h")) {
            options.add("HYPOTHETICAL");
        }
        return "CREATE AGGREGATE " + new QualifiedName(rs.getString("nspname"), rs.getString("proname")).sql() + "("
                + rs.getString("arguments")
                + ") (\n    " + String.join(",\n    ", options) + "\n)";
    }

    private static void option(List<String> options, String name, String value) {
        if (value != null) {
            options.add(name + " = " + value);
        }
    }

    private static String modify(String code) {
        return switch (code) {
            case "s" -> "SHAREABLE";
            case "w" -> "READ_WRITE";
            default -> "READ_ONLY";
        };
    }
}
