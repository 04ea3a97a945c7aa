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
                "SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),"
                        + " p.prokind = 'p', pg_catalog.pg_get_functiondef(p.oid)" + ROUTINES
                        // window functions ('w') are functions that pg_get_functiondef writes with WINDOW
                        + " AND p.prokind IN ('f', 'p', 'w')"
                        // range constructors and the like are created with their type
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
                        + " AND i.objid = p.oid AND i.deptype = 'i')",
                rs -> new Routine(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4) ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION,
                        rs.getString(5).strip())));
        routines.addAll(aggregates(query));
        routines.sort(Comparator.comparing((Routine r) -> r.name().schema()).thenComparing(r -> r.name().name())
                .thenComparing(Routine::signature));
        return routines;
    }

    private static List<Routine> aggregates(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),"
                        // an aggregate of no arguments is written f(*); f() is a syntax error
                        + " COALESCE(NULLIF(pg_catalog.pg_get_function_arguments(p.oid), ''), '*'), a.aggkind,"
                        + " a.aggtransfn::pg_catalog.regproc::text, pg_catalog.format_type(a.aggtranstype, NULL),"
                        + " a.aggtransspace, NULLIF(a.aggfinalfn, 0)::pg_catalog.regproc::text, a.aggfinalextra,"
                        + " a.aggfinalmodify, NULLIF(a.aggcombinefn, 0)::pg_catalog.regproc::text,"
                        + " NULLIF(a.aggserialfn, 0)::pg_catalog.regproc::text, NULLIF(a.aggdeserialfn, 0)::pg_catalog.regproc::text,"
                        + " a.agginitval, NULLIF(a.aggmtransfn, 0)::pg_catalog.regproc::text,"
                        + " NULLIF(a.aggminvtransfn, 0)::pg_catalog.regproc::text,"
                        + " CASE WHEN a.aggmtranstype <> 0 THEN pg_catalog.format_type(a.aggmtranstype, NULL) END,"
                        + " a.aggmtransspace, NULLIF(a.aggmfinalfn, 0)::pg_catalog.regproc::text, a.aggmfinalextra,"
                        + " a.aggmfinalmodify, a.aggminitval, NULLIF(a.aggsortop, 0)::pg_catalog.regoperator::text,"
                        + " p.proparallel"
                        + ROUTINES.replace(" WHERE", " JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE"),
                rs -> new Routine(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                        Routine.Kind.AGGREGATE, createAggregate(rs)));
    }

    private static String createAggregate(ResultSet rs) throws SQLException {
        String kind = rs.getString(5);
        // FINALFUNC_MODIFY defaults to READ_ONLY for plain aggregates, READ_WRITE for ordered-set ones.
        String defaultModify = kind.equals("n") ? "r" : "w";
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + rs.getString(6));
        options.add("STYPE = " + rs.getString(7));
        if (rs.getInt(8) != 0) {
            options.add("SSPACE = " + rs.getInt(8));
        }
        option(options, "FINALFUNC", rs.getString(9));
        if (rs.getBoolean(10)) {
            options.add("FINALFUNC_EXTRA");
        }
        if (!rs.getString(11).equals(defaultModify)) {
            options.add("FINALFUNC_MODIFY = " + modify(rs.getString(11)));
        }
        option(options, "COMBINEFUNC", rs.getString(12));
        option(options, "SERIALFUNC", rs.getString(13));
        option(options, "DESERIALFUNC", rs.getString(14));
        if (rs.getString(15) != null) {
            options.add("INITCOND = " + Literals.string(rs.getString(15)));
        }
        option(options, "MSFUNC", rs.getString(16));
        option(options, "MINVFUNC", rs.getString(17));
        option(options, "MSTYPE", rs.getString(18));
        if (rs.getInt(19) != 0) {
            options.add("MSSPACE = " + rs.getInt(19));
        }
        option(options, "MFINALFUNC", rs.getString(20));
        if (rs.getBoolean(21)) {
            options.add("MFINALFUNC_EXTRA");
        }
        if (rs.getString(16) != null && !rs.getString(22).equals(defaultModify)) {
            options.add("MFINALFUNC_MODIFY = " + modify(rs.getString(22)));
        }
        if (rs.getString(23) != null) {
            options.add("MINITCOND = " + Literals.string(rs.getString(23)));
        }
        if (rs.getString(24) != null) {
            options.add("SORTOP = OPERATOR(" + rs.getString(24).replaceFirst("\\(.*$", "") + ")");
        }
        switch (rs.getString(25)) {
            case "s" -> options.add("PARALLEL = safe");
            case "r" -> options.add("PARALLEL = restricted");
            default -> { }
        }
        if (kind.equals("h")) {
            options.add("HYPOTHETICAL");
        }
        return "CREATE AGGREGATE " + new QualifiedName(rs.getString(1), rs.getString(2)).sql() + "(" + rs.getString(4)
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
