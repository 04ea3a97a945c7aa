package io.dbsnap.dumper.internal.read;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the dumped objects that rows of {@code pg_description} or {@code pg_seclabel} are attached
 * to (both name an object by classoid, objoid and objsubid), each rendered as {@code COMMENT ON}
 * and {@code SECURITY LABEL ON} name it, quoted by the server's {@code quote_ident}.
 */
public final class ObjectTargets {

    private static final String Q = "pg_catalog.quote_ident";

    /** The OID of the public schema every database is created with (PG_PUBLIC_NAMESPACE). */
    private static final int PUBLIC_SCHEMA_OID = 2200;

    /**
     * The identity arguments of routine {@code p} as COMMENT ON and ALTER ... OWNER name it: an
     * aggregate of no arguments is {@code f(*)}, as {@code f()} is a syntax error there.
     */
    static final String AGGREGATE_ARGUMENTS = "CASE WHEN p.prokind = 'a' AND pg_catalog.pg_get_function_identity_arguments(p.oid) = ''"
            + " THEN '*' ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END";

    private ObjectTargets() {
    }

    /**
     * The rows of {@code target, payload...} for every row of {@code source} (aliased {@code d})
     * attached to a dumped object, sorted. The query has a branch per catalog an object can live
     * in, and planning all of them cost the server more than any other catalog query (75 ms on
     * pagila, where no user object has a comment): a first, cheap query finds which catalogs
     * {@code source} has rows on user objects of, and only their branches are planned.
     */
    static <T> List<T> list(CatalogQuery query, String source, String payload, CatalogQuery.Row<T> row) throws SQLException {
        Set<String> catalogs = new HashSet<>(query.listDatabaseWide(
                "SELECT DISTINCT c.relname FROM " + source + " JOIN pg_catalog.pg_class c ON c.oid = d.classoid"
                        // objects made after initdb have OIDs from FirstNormalObjectId on, even after
                        // wraparound; before it, only the public schema and large objects (whose OIDs
                        // lo_create may choose) can be dumped objects
                        + " WHERE d.objoid >= " + CastReader.FIRST_USER_OID + " OR d.classoid = 'pg_catalog.pg_largeobject'::pg_catalog.regclass"
                        + " OR (d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objoid = " + PUBLIC_SCHEMA_OID + ")",
                rs -> rs.getString(1)));
        List<String> branches = branches(query, source, payload).stream().filter(b -> catalogs.contains(b.catalog()))
                .map(Branch::sql).toList();
        if (branches.isEmpty()) {
            return List.of();
        }
        return query.list("WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE" + SchemaFilter.SQL
                + ") SELECT * FROM (" + String.join(" UNION ALL", branches)
                + ") targets(target, payload) ORDER BY target COLLATE \"C\", payload COLLATE \"C\"", row);
    }

    /** One part of the query: the rows of {@code source} on objects of one catalog, each named as COMMENT ON names it. */
    private record Branch(String catalog, String sql) {
    }

    private static List<Branch> branches(CatalogQuery query, String source, String payload) {
        String classIs = " d.classoid = 'pg_catalog.%s'::pg_catalog.regclass";
        String from = " " + payload + " FROM " + source;
        List<Branch> branches = new ArrayList<>(List.of(
                // the comment every database's public schema is created with is not worth a line
                new Branch("pg_namespace", " SELECT 'SCHEMA ' || " + Q + "(ns.nspname)," + from
                        + " JOIN ns ON ns.oid = d.objoid WHERE" + classIs.formatted("pg_namespace")
                        + " AND NOT (ns.nspname = 'public' AND " + payload.split(",")[0] + " = 'standard public schema')"),
                new Branch("pg_class", " SELECT CASE c.relkind WHEN 'v' THEN 'VIEW ' WHEN 'm' THEN 'MATERIALIZED VIEW '"
                        + " WHEN 'S' THEN 'SEQUENCE ' WHEN 'i' THEN 'INDEX ' WHEN 'I' THEN 'INDEX ' WHEN 'f' THEN 'FOREIGN TABLE '"
                        + " ELSE 'TABLE ' END || " + Q + "(ns.nspname) || '.' || " + Q + "(c.relname)," + from
                        + " JOIN pg_catalog.pg_class c ON c.oid = d.objoid JOIN ns ON ns.oid = c.relnamespace"
                        + " WHERE" + classIs.formatted("pg_class") + " AND d.objsubid = 0 AND c.relkind <> 'c' AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid")),
                new Branch("pg_class", " SELECT 'COLUMN ' || " + Q + "(ns.nspname) || '.' || " + Q + "(c.relname) || '.' || "
                        + Q + "(a.attname)," + from
                        + " JOIN pg_catalog.pg_class c ON c.oid = d.objoid JOIN ns ON ns.oid = c.relnamespace"
                        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
                        + " WHERE" + classIs.formatted("pg_class") + " AND d.objsubid > 0 AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid")),
                new Branch("pg_proc", " SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' WHEN 'a' THEN 'AGGREGATE ' ELSE 'FUNCTION ' END"
                        + " || " + Q + "(ns.nspname) || '.' || " + Q + "(p.proname)"
                        + " || '(' || " + AGGREGATE_ARGUMENTS + " || ')'," + from
                        + " JOIN pg_catalog.pg_proc p ON p.oid = d.objoid JOIN ns ON ns.oid = p.pronamespace"
                        + " WHERE" + classIs.formatted("pg_proc") + " AND" + SchemaFilter.notInExtension("pg_proc", "p.oid")),
                new Branch("pg_type", " SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + Q + "(ns.nspname)"
                        + " || '.' || " + Q + "(t.typname)," + from
                        + " JOIN pg_catalog.pg_type t ON t.oid = d.objoid JOIN ns ON ns.oid = t.typnamespace"
                        + " WHERE" + classIs.formatted("pg_type") + " AND" + SchemaFilter.notInExtension("pg_type", "t.oid")),
                new Branch("pg_constraint", " SELECT 'CONSTRAINT ' || " + Q + "(co.conname) || ' ON '"
                        + " || CASE WHEN co.contypid <> 0 THEN 'DOMAIN ' ELSE '' END || " + Q + "(ns.nspname) || '.' || "
                        + Q + "(COALESCE(c.relname, t.typname))," + from
                        + " JOIN pg_catalog.pg_constraint co ON co.oid = d.objoid"
                        + " LEFT JOIN pg_catalog.pg_class c ON c.oid = co.conrelid LEFT JOIN pg_catalog.pg_type t ON t.oid = co.contypid"
                        + " JOIN ns ON ns.oid = COALESCE(c.relnamespace, t.typnamespace)"
                        + " WHERE" + classIs.formatted("pg_constraint")),
                onTable("TRIGGER", "pg_trigger", "tgname", "tgrelid", from, classIs),
                onTable("POLICY", "pg_policy", "polname", "polrelid", from, classIs),
                onTable("RULE", "pg_rewrite", "rulename", "ev_class", from, classIs),
                inSchema("COLLATION", "pg_collation", "collname", "collnamespace", from, classIs),
                inSchema("TEXT SEARCH DICTIONARY", "pg_ts_dict", "dictname", "dictnamespace", from, classIs),
                inSchema("TEXT SEARCH CONFIGURATION", "pg_ts_config", "cfgname", "cfgnamespace", from, classIs),
                inSchema("STATISTICS", "pg_statistic_ext", "stxname", "stxnamespace", from, classIs),
                inSchema("CONVERSION", "pg_conversion", "conname", "connamespace", from, classIs),
                inSchema("TEXT SEARCH PARSER", "pg_ts_parser", "prsname", "prsnamespace", from, classIs),
                inSchema("TEXT SEARCH TEMPLATE", "pg_ts_template", "tmplname", "tmplnamespace", from, classIs),
                usingMethod("OPERATOR CLASS", "pg_opclass", "opcname", "opcnamespace", "opcmethod", from, classIs),
                usingMethod("OPERATOR FAMILY", "pg_opfamily", "opfname", "opfnamespace", "opfmethod", from, classIs),
                // operator names are symbols, never quoted
                new Branch("pg_operator", " SELECT 'OPERATOR ' || " + Q + "(ns.nspname) || '.' || o.oprname || ' (' || "
                        + operatorArguments("o") + " || ')',"
                        + from + " JOIN pg_catalog.pg_operator o ON o.oid = d.objoid JOIN ns ON ns.oid = o.oprnamespace"
                        + " WHERE" + classIs.formatted("pg_operator") + " AND" + SchemaFilter.notInExtension("pg_operator", "o.oid")),
                new Branch("pg_extension", " SELECT 'EXTENSION ' || " + Q + "(x.extname)," + from
                        + " JOIN pg_catalog.pg_extension x ON x.oid = d.objoid JOIN ns ON ns.oid = x.extnamespace"
                        + " WHERE" + classIs.formatted("pg_extension"))));
        if (query.wholeDatabase()) {
            branches.addAll(List.of(
                    new Branch("pg_cast", " SELECT 'CAST (' || pg_catalog.format_type(k.castsource, NULL) || ' AS '"
                            + " || pg_catalog.format_type(k.casttarget, NULL) || ')'," + from
                            + " JOIN pg_catalog.pg_cast k ON k.oid = d.objoid WHERE" + classIs.formatted("pg_cast")
                            + " AND k.oid >= " + CastReader.FIRST_USER_OID + " AND" + SchemaFilter.notInExtension("pg_cast", "k.oid")),
                    global("EVENT TRIGGER", "pg_event_trigger", "evtname", from, classIs,
                            " AND" + WorkingSchemas.notWorkingFunction("o.evtfoid")),
                    global("PUBLICATION", "pg_publication", "pubname", from, classIs, ""),
                    global("ACCESS METHOD", "pg_am", "amname", from, classIs, " AND o.oid >= " + CastReader.FIRST_USER_OID),
                    global("LANGUAGE", "pg_language", "lanname", from, classIs, " AND o.oid >= " + CastReader.FIRST_USER_OID),
                    global("FOREIGN DATA WRAPPER", "pg_foreign_data_wrapper", "fdwname", from, classIs, ""),
                    global("SERVER", "pg_foreign_server", "srvname", from, classIs, ""),
                    new Branch("pg_transform", " SELECT 'TRANSFORM FOR ' || pg_catalog.format_type(o.trftype, NULL) || ' LANGUAGE ' || "
                            + Q + "(l.lanname)," + from + " JOIN pg_catalog.pg_transform o ON o.oid = d.objoid"
                            + " JOIN pg_catalog.pg_language l ON l.oid = o.trflang WHERE" + classIs.formatted("pg_transform")
                            + " AND" + SchemaFilter.notInExtension("pg_transform", "o.oid")),
                    new Branch("pg_largeobject", " SELECT 'LARGE OBJECT ' || d.objoid," + from
                            + " WHERE" + classIs.formatted("pg_largeobject"))));
        }
        return branches;
    }

    /**
     * The argument types of operator {@code alias} as {@code left, right}, {@code NONE} for a
     * missing side: the form COMMENT ON, ALTER and DROP OPERATOR take, and {@link io.dbsnap.catalog.Operator#id()}'s.
     */
    static String operatorArguments(String alias) {
        return "CASE WHEN " + alias + ".oprleft = 0 THEN 'NONE' ELSE pg_catalog.format_type(" + alias + ".oprleft, NULL) END"
                + " || ', ' || CASE WHEN " + alias + ".oprright = 0 THEN 'NONE' ELSE pg_catalog.format_type("
                + alias + ".oprright, NULL) END";
    }

    /** Objects named {@code name ON schema.table}. */
    private static Branch onTable(String keyword, String catalog, String nameColumn, String tableColumn, String from,
                                  String classIs) {
        return new Branch(catalog, " SELECT '" + keyword + " ' || " + Q + "(o." + nameColumn + ") || ' ON ' || " + Q
                + "(ns.nspname) || '.' || " + Q + "(c.relname)," + from + " JOIN pg_catalog." + catalog
                + " o ON o.oid = d.objoid JOIN pg_catalog.pg_class c ON c.oid = o." + tableColumn
                + " JOIN ns ON ns.oid = c.relnamespace WHERE" + classIs.formatted(catalog)
                + " AND" + SchemaFilter.notInExtension("pg_class", "c.oid"));
    }

    /** Objects named {@code schema.name}. */
    private static Branch inSchema(String keyword, String catalog, String nameColumn, String schemaColumn, String from,
                                   String classIs) {
        return new Branch(catalog, " SELECT '" + keyword + " ' || " + Q + "(ns.nspname) || '.' || " + Q + "(o." + nameColumn + "),"
                + from + " JOIN pg_catalog." + catalog + " o ON o.oid = d.objoid JOIN ns ON ns.oid = o." + schemaColumn
                + " WHERE" + classIs.formatted(catalog) + " AND" + SchemaFilter.notInExtension(catalog, "o.oid"));
    }

    /** Operator classes and families, named {@code schema.name USING method}. */
    private static Branch usingMethod(String keyword, String catalog, String nameColumn, String schemaColumn,
                                      String methodColumn, String from, String classIs) {
        return new Branch(catalog, " SELECT '" + keyword + " ' || " + Q + "(ns.nspname) || '.' || " + Q + "(o." + nameColumn + ")"
                + " || ' USING ' || " + Q + "(am.amname)," + from + " JOIN pg_catalog." + catalog + " o ON o.oid = d.objoid"
                + " JOIN ns ON ns.oid = o." + schemaColumn + " JOIN pg_catalog.pg_am am ON am.oid = o." + methodColumn
                + " WHERE" + classIs.formatted(catalog) + " AND" + SchemaFilter.notInExtension(catalog, "o.oid"));
    }

    /** Database-wide objects, named by their name alone; {@code more} adds to the condition. */
    private static Branch global(String keyword, String catalog, String nameColumn, String from, String classIs, String more) {
        return new Branch(catalog, " SELECT '" + keyword + " ' || " + Q + "(o." + nameColumn + ")," + from + " JOIN pg_catalog."
                + catalog + " o ON o.oid = d.objoid WHERE" + classIs.formatted(catalog)
                + " AND" + SchemaFilter.notInExtension(catalog, "o.oid") + more);
    }
}
