package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.OperatorClass;
import io.dbsnap.catalog.OperatorFamily;
import io.dbsnap.catalog.OperatorFamilyMember;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads operator families and classes of the dumped schemas, each with its members: an operator
 * or support function belongs to a class when it depends on the class, and to the family alone
 * (added by {@code ALTER OPERATOR FAMILY ... ADD}) when it depends on the family, as pg_dump's
 * {@code dumpOpclass} and {@code dumpOpfamily} tell them apart.
 */
public final class OperatorClassReader {

    private OperatorClassReader() {
    }

    public static List<OperatorFamily> families(CatalogQuery query) throws SQLException {
        Map<Long, List<OperatorFamilyMember>> members = members(query, "pg_opfamily",
                " FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace WHERE"
                        + SchemaFilter.notInExtension("pg_opfamily", "f.oid") + "AND" + SchemaFilter.SQL);
        return query.list("SELECT f.oid, n.nspname, f.opfname, am.amname"
                        + " FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace"
                        + " JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod"
                        + " WHERE" + SchemaFilter.notInExtension("pg_opfamily", "f.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", f.opfname COLLATE \"C\", am.amname COLLATE \"C\"",
                rs -> new OperatorFamily(new QualifiedName(rs.getString("nspname"), rs.getString("opfname")), rs.getString("amname"),
                        members.getOrDefault(rs.getLong("oid"), List.of())));
    }

    public static List<OperatorClass> classes(CatalogQuery query) throws SQLException {
        Map<Long, List<OperatorFamilyMember>> members = members(query, "pg_opclass",
                " FROM pg_catalog.pg_opclass f JOIN pg_catalog.pg_namespace n ON n.oid = f.opcnamespace WHERE"
                        + SchemaFilter.notInExtension("pg_opclass", "f.oid") + "AND" + SchemaFilter.SQL);
        return query.list("SELECT c.oid, n.nspname, c.opcname, am.amname, pg_catalog.format_type(c.opcintype, NULL) AS input_type,"
                        + " c.opcdefault, fn.nspname AS family_schema, f.opfname AS family_name,"
                        + " CASE WHEN c.opckeytype <> 0 THEN pg_catalog.format_type(c.opckeytype, NULL) END AS storage_type"
                        + " FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace"
                        + " JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod"
                        + " JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily"
                        + " JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_opclass", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.opcname COLLATE \"C\", am.amname COLLATE \"C\"",
                rs -> new OperatorClass(new QualifiedName(rs.getString("nspname"), rs.getString("opcname")), rs.getString("amname"),
                        rs.getString("input_type"), rs.getBoolean("opcdefault"),
                        new QualifiedName(rs.getString("family_schema"), rs.getString("family_name")),
                        Optional.ofNullable(rs.getString("storage_type")), members.getOrDefault(rs.getLong("oid"), List.of())));
    }

    /**
     * The operators, then the functions, that depend on the classes or families of {@code catalog}
     * chosen by {@code owners} (a FROM clause naming them {@code f}), by owner OID.
     */
    private static Map<Long, List<OperatorFamilyMember>> members(CatalogQuery query, String catalog, String owners)
            throws SQLException {
        String dependsOnOwner = " FROM owners o JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog." + catalog
                + "'::pg_catalog.regclass AND d.refobjid = o.oid AND d.classid = 'pg_catalog.%s'::pg_catalog.regclass";
        return query.groupedByOid("WITH owners AS (SELECT f.oid" + owners + ")"
                        + " SELECT o.oid, false AS is_function, m.amopstrategy AS number, '' AS types,"
                        + " m.amopopr::pg_catalog.regoperator::text AS member, sn.nspname AS sort_family_schema,"
                        + " s.opfname AS sort_family_name, 1 AS member_kind" + dependsOnOwner.formatted("pg_amop")
                        + " JOIN pg_catalog.pg_amop m ON m.oid = d.objid"
                        + " LEFT JOIN pg_catalog.pg_opfamily s ON s.oid = m.amopsortfamily"
                        + " LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = s.opfnamespace"
                        + " UNION ALL SELECT o.oid, true, m.amprocnum,"
                        + " '(' || pg_catalog.format_type(m.amproclefttype, NULL) || ', '"
                        + " || pg_catalog.format_type(m.amprocrighttype, NULL) || ')', m.amproc::pg_catalog.regprocedure::text,"
                        + " NULL, NULL, 2" + dependsOnOwner.formatted("pg_amproc")
                        + " JOIN pg_catalog.pg_amproc m ON m.oid = d.objid"
                        + " ORDER BY 1, 8, 3, 4, 5",
                rs -> new OperatorFamilyMember(rs.getBoolean("is_function"), rs.getInt("number"), rs.getString("types"),
                        rs.getString("member"), CatalogQuery.qualifiedName(rs, "sort_family")));
    }
}
