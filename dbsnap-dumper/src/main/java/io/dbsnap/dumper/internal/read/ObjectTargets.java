package io.dbsnap.dumper.internal.read;

/**
 * Finds the dumped objects that rows of {@code pg_description} or {@code pg_seclabel} are attached
 * to (both name an object by classoid, objoid and objsubid), each rendered as {@code COMMENT ON}
 * and {@code SECURITY LABEL ON} name it, quoted by the server's {@code quote_ident}.
 */
public final class ObjectTargets {

    private static final String Q = "pg_catalog.quote_ident";

    /**
     * The identity arguments of routine {@code p} as COMMENT ON and ALTER ... OWNER name it: an
     * aggregate of no arguments is {@code f(*)}, as {@code f()} is a syntax error there.
     */
    static final String AGGREGATE_ARGUMENTS = "CASE WHEN p.prokind = 'a' AND pg_catalog.pg_get_function_identity_arguments(p.oid) = ''"
            + " THEN '*' ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END";

    private ObjectTargets() {
    }

    /**
     * The query of {@code target, payload...} for every row of {@code source} (aliased {@code d})
     * attached to a dumped object, sorted; its only parameters are those of {@link SchemaFilter#SQL}.
     */
    static String sql(CatalogQuery query, String source, String payload) {
        String classIs = " d.classoid = 'pg_catalog.%s'::pg_catalog.regclass";
        String from = " " + payload + " FROM " + source;
        StringBuilder sql = new StringBuilder("WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE")
                .append(SchemaFilter.SQL).append(") SELECT * FROM (")
                // the comment every database's public schema is created with is not worth a line
                .append(" SELECT 'SCHEMA ' || " + Q + "(ns.nspname)," + from
                        + " JOIN ns ON ns.oid = d.objoid WHERE" + classIs.formatted("pg_namespace")
                        + " AND NOT (ns.nspname = 'public' AND " + payload.split(",")[0] + " = 'standard public schema')")
                .append(" UNION ALL SELECT CASE c.relkind WHEN 'v' THEN 'VIEW ' WHEN 'm' THEN 'MATERIALIZED VIEW '"
                        + " WHEN 'S' THEN 'SEQUENCE ' WHEN 'i' THEN 'INDEX ' WHEN 'I' THEN 'INDEX ' WHEN 'f' THEN 'FOREIGN TABLE '"
                        + " ELSE 'TABLE ' END || " + Q + "(ns.nspname) || '.' || " + Q + "(c.relname)," + from
                        + " JOIN pg_catalog.pg_class c ON c.oid = d.objoid JOIN ns ON ns.oid = c.relnamespace"
                        + " WHERE" + classIs.formatted("pg_class") + " AND d.objsubid = 0 AND c.relkind <> 'c' AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid"))
                .append(" UNION ALL SELECT 'COLUMN ' || " + Q + "(ns.nspname) || '.' || " + Q + "(c.relname) || '.' || "
                        + Q + "(a.attname)," + from
                        + " JOIN pg_catalog.pg_class c ON c.oid = d.objoid JOIN ns ON ns.oid = c.relnamespace"
                        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
                        + " WHERE" + classIs.formatted("pg_class") + " AND d.objsubid > 0 AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid"))
                .append(" UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' WHEN 'a' THEN 'AGGREGATE ' ELSE 'FUNCTION ' END"
                        + " || " + Q + "(ns.nspname) || '.' || " + Q + "(p.proname)"
                        + " || '(' || " + AGGREGATE_ARGUMENTS + " || ')'," + from
                        + " JOIN pg_catalog.pg_proc p ON p.oid = d.objoid JOIN ns ON ns.oid = p.pronamespace"
                        + " WHERE" + classIs.formatted("pg_proc") + " AND" + SchemaFilter.notInExtension("pg_proc", "p.oid"))
                .append(" UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + Q + "(ns.nspname)"
                        + " || '.' || " + Q + "(t.typname)," + from
                        + " JOIN pg_catalog.pg_type t ON t.oid = d.objoid JOIN ns ON ns.oid = t.typnamespace"
                        + " WHERE" + classIs.formatted("pg_type") + " AND" + SchemaFilter.notInExtension("pg_type", "t.oid"))
                .append(" UNION ALL SELECT 'CONSTRAINT ' || " + Q + "(co.conname) || ' ON '"
                        + " || CASE WHEN co.contypid <> 0 THEN 'DOMAIN ' ELSE '' END || " + Q + "(ns.nspname) || '.' || "
                        + Q + "(COALESCE(c.relname, t.typname))," + from
                        + " JOIN pg_catalog.pg_constraint co ON co.oid = d.objoid"
                        + " LEFT JOIN pg_catalog.pg_class c ON c.oid = co.conrelid LEFT JOIN pg_catalog.pg_type t ON t.oid = co.contypid"
                        + " JOIN ns ON ns.oid = COALESCE(c.relnamespace, t.typnamespace)"
                        + " WHERE" + classIs.formatted("pg_constraint"))
                .append(onTable("TRIGGER", "pg_trigger", "tgname", "tgrelid", from, classIs))
                .append(onTable("POLICY", "pg_policy", "polname", "polrelid", from, classIs))
                .append(onTable("RULE", "pg_rewrite", "rulename", "ev_class", from, classIs))
                .append(inSchema("COLLATION", "pg_collation", "collname", "collnamespace", from, classIs))
                .append(inSchema("TEXT SEARCH DICTIONARY", "pg_ts_dict", "dictname", "dictnamespace", from, classIs))
                .append(inSchema("TEXT SEARCH CONFIGURATION", "pg_ts_config", "cfgname", "cfgnamespace", from, classIs))
                .append(inSchema("STATISTICS", "pg_statistic_ext", "stxname", "stxnamespace", from, classIs))
                .append(inSchema("CONVERSION", "pg_conversion", "conname", "connamespace", from, classIs))
                .append(inSchema("TEXT SEARCH PARSER", "pg_ts_parser", "prsname", "prsnamespace", from, classIs))
                .append(inSchema("TEXT SEARCH TEMPLATE", "pg_ts_template", "tmplname", "tmplnamespace", from, classIs))
                .append(usingMethod("OPERATOR CLASS", "pg_opclass", "opcname", "opcnamespace", "opcmethod", from, classIs))
                .append(usingMethod("OPERATOR FAMILY", "pg_opfamily", "opfname", "opfnamespace", "opfmethod", from, classIs))
                // operator names are symbols, never quoted
                .append(" UNION ALL SELECT 'OPERATOR ' || " + Q + "(ns.nspname) || '.' || o.oprname || ' (' || "
                        + operatorArguments("o") + " || ')',"
                        + from + " JOIN pg_catalog.pg_operator o ON o.oid = d.objoid JOIN ns ON ns.oid = o.oprnamespace"
                        + " WHERE" + classIs.formatted("pg_operator") + " AND" + SchemaFilter.notInExtension("pg_operator", "o.oid"))
                .append(" UNION ALL SELECT 'EXTENSION ' || " + Q + "(x.extname)," + from
                        + " JOIN pg_catalog.pg_extension x ON x.oid = d.objoid JOIN ns ON ns.oid = x.extnamespace"
                        + " WHERE" + classIs.formatted("pg_extension"));
        if (query.wholeDatabase()) {
            sql.append(" UNION ALL SELECT 'CAST (' || pg_catalog.format_type(k.castsource, NULL) || ' AS '"
                            + " || pg_catalog.format_type(k.casttarget, NULL) || ')'," + from
                            + " JOIN pg_catalog.pg_cast k ON k.oid = d.objoid WHERE" + classIs.formatted("pg_cast")
                            + " AND k.oid >= " + CastReader.FIRST_USER_OID + " AND" + SchemaFilter.notInExtension("pg_cast", "k.oid"))
                    .append(global("EVENT TRIGGER", "pg_event_trigger", "evtname", from, classIs)
                            + " AND" + WorkingSchemas.notWorkingFunction("o.evtfoid"))
                    .append(global("PUBLICATION", "pg_publication", "pubname", from, classIs))
                    .append(global("ACCESS METHOD", "pg_am", "amname", from, classIs) + " AND o.oid >= " + CastReader.FIRST_USER_OID)
                    .append(global("LANGUAGE", "pg_language", "lanname", from, classIs) + " AND o.oid >= " + CastReader.FIRST_USER_OID)
                    .append(global("FOREIGN DATA WRAPPER", "pg_foreign_data_wrapper", "fdwname", from, classIs))
                    .append(global("SERVER", "pg_foreign_server", "srvname", from, classIs))
                    .append(" UNION ALL SELECT 'TRANSFORM FOR ' || pg_catalog.format_type(o.trftype, NULL) || ' LANGUAGE ' || "
                            + Q + "(l.lanname)," + from + " JOIN pg_catalog.pg_transform o ON o.oid = d.objoid"
                            + " JOIN pg_catalog.pg_language l ON l.oid = o.trflang WHERE" + classIs.formatted("pg_transform")
                            + " AND" + SchemaFilter.notInExtension("pg_transform", "o.oid"))
                    .append(" UNION ALL SELECT 'LARGE OBJECT ' || d.objoid," + from
                            + " WHERE" + classIs.formatted("pg_largeobject"));
        }
        return sql.append(") targets(target, payload) ORDER BY target COLLATE \"C\", payload COLLATE \"C\"").toString();
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
    private static String onTable(String keyword, String catalog, String nameColumn, String tableColumn, String from,
                                  String classIs) {
        return " UNION ALL SELECT '" + keyword + " ' || " + Q + "(o." + nameColumn + ") || ' ON ' || " + Q
                + "(ns.nspname) || '.' || " + Q + "(c.relname)," + from + " JOIN pg_catalog." + catalog
                + " o ON o.oid = d.objoid JOIN pg_catalog.pg_class c ON c.oid = o." + tableColumn
                + " JOIN ns ON ns.oid = c.relnamespace WHERE" + classIs.formatted(catalog)
                + " AND" + SchemaFilter.notInExtension("pg_class", "c.oid");
    }

    /** Objects named {@code schema.name}. */
    private static String inSchema(String keyword, String catalog, String nameColumn, String schemaColumn, String from,
                                   String classIs) {
        return " UNION ALL SELECT '" + keyword + " ' || " + Q + "(ns.nspname) || '.' || " + Q + "(o." + nameColumn + "),"
                + from + " JOIN pg_catalog." + catalog + " o ON o.oid = d.objoid JOIN ns ON ns.oid = o." + schemaColumn
                + " WHERE" + classIs.formatted(catalog) + " AND" + SchemaFilter.notInExtension(catalog, "o.oid");
    }

    /** Operator classes and families, named {@code schema.name USING method}. */
    private static String usingMethod(String keyword, String catalog, String nameColumn, String schemaColumn,
                                      String methodColumn, String from, String classIs) {
        return " UNION ALL SELECT '" + keyword + " ' || " + Q + "(ns.nspname) || '.' || " + Q + "(o." + nameColumn + ")"
                + " || ' USING ' || " + Q + "(am.amname)," + from + " JOIN pg_catalog." + catalog + " o ON o.oid = d.objoid"
                + " JOIN ns ON ns.oid = o." + schemaColumn + " JOIN pg_catalog.pg_am am ON am.oid = o." + methodColumn
                + " WHERE" + classIs.formatted(catalog) + " AND" + SchemaFilter.notInExtension(catalog, "o.oid");
    }

    /** Database-wide objects, named by their name alone. */
    private static String global(String keyword, String catalog, String nameColumn, String from, String classIs) {
        return " UNION ALL SELECT '" + keyword + " ' || " + Q + "(o." + nameColumn + ")," + from + " JOIN pg_catalog."
                + catalog + " o ON o.oid = d.objoid WHERE" + classIs.formatted(catalog)
                + " AND" + SchemaFilter.notInExtension(catalog, "o.oid");
    }
}
