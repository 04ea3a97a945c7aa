package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Operator;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads the operators of the dumped schemas in one query. */
public final class OperatorReader {

    private OperatorReader() {
    }

    /** The SQL naming another operator by OID as {@code OPERATOR(schema.name)}, or NULL for 0. */
    private static String operatorRef(String oidColumn) {
        return "(SELECT 'OPERATOR(' || pg_catalog.quote_ident(x.nspname) || '.' || r.oprname || ')'"
                + " FROM pg_catalog.pg_operator r JOIN pg_catalog.pg_namespace x ON x.oid = r.oprnamespace"
                + " WHERE r.oid = " + oidColumn + ")";
    }

    public static List<Operator> read(CatalogQuery query) throws SQLException {
        // With an empty search_path, regproc renders every function outside pg_catalog qualified.
        return query.list("SELECT n.nspname, o.oprname,"
                        + " CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) END AS left_type,"
                        + " CASE WHEN o.oprright <> 0 THEN pg_catalog.format_type(o.oprright, NULL) END AS right_type,"
                        + " o.oprcode::pg_catalog.regproc::text AS function, " + operatorRef("o.oprcom") + " AS commutator, "
                        + operatorRef("o.oprnegate") + " AS negator,"
                        + " CASE WHEN o.oprrest <> 0 THEN o.oprrest::pg_catalog.regproc::text END AS restrict,"
                        + " CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::pg_catalog.regproc::text END AS join_estimator,"
                        + " o.oprcanhash, o.oprcanmerge"
                        + " FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace"
                        // an operator with no function is a shell, made by another's COMMUTATOR
                        + " WHERE o.oprcode <> 0 AND" + SchemaFilter.notInExtension("pg_operator", "o.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", o.oprname COLLATE \"C\", 3, 4",
                rs -> new Operator(new QualifiedName(rs.getString("nspname"), rs.getString("oprname")),
                        Optional.ofNullable(rs.getString("left_type")), Optional.ofNullable(rs.getString("right_type")),
                        rs.getString("function"), Optional.ofNullable(rs.getString("commutator")),
                        Optional.ofNullable(rs.getString("negator")), Optional.ofNullable(rs.getString("restrict")),
                        Optional.ofNullable(rs.getString("join_estimator")), rs.getBoolean("oprcanhash"),
                        rs.getBoolean("oprcanmerge")));
    }
}
