package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the creation-order dependencies between dumped objects from {@code pg_depend}, in one
 * query: both ends are mapped in SQL to the identity the Catalog gives the object (a view's rule
 * to its view, a table's row type or an array type to what it describes, a table's column default
 * or check constraint and a domain's check constraint to an identity of its own), so the planner never sees an OID.
 */
public final class DependencyReader {

    private DependencyReader() {
    }

    public static List<Dependency> read(CatalogQuery query) throws SQLException {
        String relationKind = "CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED_VIEW'"
                + " WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END";
        // A multirange type (PostgreSQL 14+) is created with its range type.
        String multirange = query.atLeast(14)
                ? " LEFT JOIN pg_catalog.pg_range mr ON mr.rngmultitypid = b.oid LEFT JOIN pg_catalog.pg_type r ON r.oid = mr.rngtypid"
                : " LEFT JOIN (SELECT NULL::oid AS oid, NULL::name AS typname) r ON false";
        String sql = "WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE" + SchemaFilter.SQL + "),"
                + " relations(oid, kind, schema, name) AS ("
                + "  SELECT c.oid, " + relationKind + ", ns.nspname,"
                + "   CASE WHEN c.relkind = 'c' THEN (SELECT typname FROM pg_catalog.pg_type WHERE oid = c.reltype) ELSE c.relname END"
                + "  FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace"
                + "  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f') AND" + SchemaFilter.notInExtension("pg_class", "c.oid") + "),"
                // operator classes and families, named with their access method
                + " families(classid, oid, kind, schema, name, signature) AS ("
                + "  SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass, oc.oid, 'OPERATOR_CLASS', ns.nspname, oc.opcname, am.amname"
                + "  FROM pg_catalog.pg_opclass oc JOIN ns ON ns.oid = oc.opcnamespace JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod"
                + "  UNION ALL SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, f.oid, 'OPERATOR_FAMILY', ns.nspname, f.opfname,"
                + "   am.amname FROM pg_catalog.pg_opfamily f JOIN ns ON ns.oid = f.opfnamespace"
                + "  JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod),"
                + " objects(classid, oid, kind, schema, name, signature) AS ("
                + "  SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, oid, kind, schema, name, '' FROM relations"
                + "  UNION ALL SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid,"
                + "   CASE WHEN rel.oid IS NOT NULL THEN rel.kind ELSE 'TYPE' END,"
                + "   COALESCE(rel.schema, ns.nspname), COALESCE(rel.name, r.typname, b.typname), ''"
                // an array type stands for its element type, a row type for its relation
                + "  FROM pg_catalog.pg_type t"
                + "  LEFT JOIN pg_catalog.pg_type el ON t.typelem <> 0 AND el.typarray = t.oid"
                + "  JOIN pg_catalog.pg_type b ON b.oid = COALESCE(el.oid, t.oid)" + multirange
                + "  JOIN ns ON ns.oid = b.typnamespace"
                + "  LEFT JOIN relations rel ON rel.oid = b.typrelid"
                + "  WHERE" + SchemaFilter.notInExtension("pg_type", "b.oid")
                + "  UNION ALL SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid,"
                + "   CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,"
                + "   ns.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)"
                + "  FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace"
                + "  WHERE" + SchemaFilter.notInExtension("pg_proc", "p.oid")
                + "  UNION ALL SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, w.oid, rel.kind, rel.schema, rel.name, ''"
                + "  FROM pg_catalog.pg_rewrite w JOIN relations rel ON rel.oid = w.ev_class"
                // A table's column defaults and checks keep their own identity: the planner
                // creates one apart from its table when it would otherwise close a loop.
                + "  UNION ALL SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, ad.oid,"
                + "   CASE WHEN rel.kind = 'TABLE' THEN 'COLUMN_DEFAULT' ELSE rel.kind END, rel.schema, rel.name,"
                + "   CASE WHEN rel.kind = 'TABLE' THEN a.attname ELSE '' END"
                + "  FROM pg_catalog.pg_attrdef ad JOIN relations rel ON rel.oid = ad.adrelid"
                + "  JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum"
                + "  UNION ALL SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, co.oid,"
                + "   CASE WHEN rel.kind = 'TABLE' THEN 'CONSTRAINT' ELSE rel.kind END, rel.schema,"
                + "   CASE WHEN rel.kind = 'TABLE' THEN rel.name || '.' || co.conname ELSE rel.name END, ''"
                + "  FROM pg_catalog.pg_constraint co JOIN relations rel ON rel.oid = co.conrelid"
                // a view's query may rely on a primary key (GROUP BY it: a functional dependency)
                + "  WHERE co.contype IN ('c', 'p', 'u')"
                + "  UNION ALL SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, co.oid, 'CONSTRAINT', ns.nspname,"
                + "   t.typname || '.' || co.conname, 'domain'"
                + "  FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_type t ON t.oid = co.contypid"
                + "  JOIN ns ON ns.oid = t.typnamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, co.oid, 'COLLATION', ns.nspname, co.collname, ''"
                + "  FROM pg_catalog.pg_collation co JOIN ns ON ns.oid = co.collnamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, 'OPERATOR', ns.nspname, o.oprname, "
                + ObjectTargets.operatorArguments("o")
                + "  FROM pg_catalog.pg_operator o JOIN ns ON ns.oid = o.oprnamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_ts_dict'::pg_catalog.regclass, d.oid, 'TEXT_SEARCH_DICTIONARY', ns.nspname,"
                + "   d.dictname, '' FROM pg_catalog.pg_ts_dict d JOIN ns ON ns.oid = d.dictnamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_ts_config'::pg_catalog.regclass, c.oid, 'TEXT_SEARCH_CONFIGURATION',"
                + "   ns.nspname, c.cfgname, '' FROM pg_catalog.pg_ts_config c JOIN ns ON ns.oid = c.cfgnamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_cast'::pg_catalog.regclass, k.oid, 'CAST', '',"
                + "   pg_catalog.format_type(k.castsource, NULL) || ' AS ' || pg_catalog.format_type(k.casttarget, NULL), ''"
                + "  FROM pg_catalog.pg_cast k WHERE k.oid >= " + CastReader.FIRST_USER_OID
                + "  UNION ALL SELECT * FROM families"
                // an operator or function of a class or family stands for the class or family
                + "  UNION ALL SELECT m.classid, m.objid, f.kind, f.schema, f.name, f.signature FROM pg_catalog.pg_depend m"
                + "  JOIN families f ON f.classid = m.refclassid AND f.oid = m.refobjid"
                + "  WHERE m.classid IN ('pg_catalog.pg_amop'::pg_catalog.regclass, 'pg_catalog.pg_amproc'::pg_catalog.regclass)"
                + "  AND m.deptype IN ('i', 'a')"
                + "  UNION ALL SELECT 'pg_catalog.pg_am'::pg_catalog.regclass, a.oid, 'ACCESS_METHOD', '', a.amname, ''"
                + "  FROM pg_catalog.pg_am a WHERE a.oid >= " + CastReader.FIRST_USER_OID
                + "  UNION ALL SELECT 'pg_catalog.pg_language'::pg_catalog.regclass, l.oid, 'LANGUAGE', '', l.lanname, ''"
                + "  FROM pg_catalog.pg_language l WHERE l.oid >= " + CastReader.FIRST_USER_OID
                + "  UNION ALL SELECT 'pg_catalog.pg_conversion'::pg_catalog.regclass, co.oid, 'CONVERSION', ns.nspname, co.conname, ''"
                + "  FROM pg_catalog.pg_conversion co JOIN ns ON ns.oid = co.connamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_transform'::pg_catalog.regclass, t.oid, 'TRANSFORM', '',"
                + "   pg_catalog.format_type(t.trftype, NULL) || ' LANGUAGE ' || l.lanname, ''"
                + "  FROM pg_catalog.pg_transform t JOIN pg_catalog.pg_language l ON l.oid = t.trflang"
                + "  UNION ALL SELECT 'pg_catalog.pg_ts_parser'::pg_catalog.regclass, p.oid, 'TEXT_SEARCH_PARSER', ns.nspname,"
                + "   p.prsname, '' FROM pg_catalog.pg_ts_parser p JOIN ns ON ns.oid = p.prsnamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_ts_template'::pg_catalog.regclass, t.oid, 'TEXT_SEARCH_TEMPLATE', ns.nspname,"
                + "   t.tmplname, '' FROM pg_catalog.pg_ts_template t JOIN ns ON ns.oid = t.tmplnamespace"
                + "  UNION ALL SELECT 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass, w.oid, 'FOREIGN_DATA_WRAPPER', '',"
                + "   w.fdwname, '' FROM pg_catalog.pg_foreign_data_wrapper w"
                + "  UNION ALL SELECT 'pg_catalog.pg_foreign_server'::pg_catalog.regclass, s.oid, 'SERVER', '', s.srvname, ''"
                + "  FROM pg_catalog.pg_foreign_server s"
                + " )"
                + " SELECT DISTINCT d.kind, d.schema, d.name, d.signature, r.kind AS referenced_kind, r.schema AS referenced_schema,"
                + " r.name AS referenced_name, r.signature AS referenced_signature"
                + " FROM pg_catalog.pg_depend dep"
                + " JOIN objects d ON d.classid = dep.classid AND d.oid = dep.objid"
                + " JOIN objects r ON r.classid = dep.refclassid AND r.oid = dep.refobjid"
                // a class belongs to its family by an automatic dependency, yet needs it created first
                + " WHERE (dep.deptype = 'n' OR (dep.deptype = 'a' AND dep.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass"
                + "  AND dep.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass))"
                + " AND (d.kind, d.schema, d.name, d.signature) IS DISTINCT FROM (r.kind, r.schema, r.name, r.signature)";
        List<Dependency> dependencies = new ArrayList<>(query.list(sql, rs -> new Dependency(
                new ObjectId(ObjectKind.valueOf(rs.getString("kind")), rs.getString("schema"), rs.getString("name"),
                        rs.getString("signature")),
                new ObjectId(ObjectKind.valueOf(rs.getString("referenced_kind")), rs.getString("referenced_schema"),
                        rs.getString("referenced_name"), rs.getString("referenced_signature")))));
        dependencies.sort(Comparator.comparing((Dependency d) -> d.dependent().toString())
                .thenComparing(d -> d.referenced().toString()));
        return dependencies;
    }
}
