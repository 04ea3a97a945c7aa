package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.AccessReader.exploded;
import static io.dbsnap.dumper.internal.read.AccessReader.grants;

import io.dbsnap.catalog.AccessControl;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the privileges changed on objects a script does not create, because {@code initdb} or
 * {@code CREATE EXTENSION} does: extension members in the dumped schemas (their columns, and
 * extensions' languages and foreign data wrappers, included), and, for a whole database, the
 * schema {@code pg_catalog} and its tables, columns, functions and types and the built-in
 * languages. Only what differs from the list each was created with ({@code pg_init_privs}, else
 * the built-in default) is recorded, as pg_dump does; on Supabase-style databases these are the
 * grants that let the application's roles use {@code pgcrypto} and the like. One query.
 */
final class PredefinedObjectAccessReader {

    private static final String Q = "pg_catalog.quote_ident";
    private static final String NAME = Q + "(n.nspname) || '.' || " + Q + "(%s)";
    private static final String INITIAL = " LEFT JOIN pg_catalog.pg_init_privs i ON i.classoid = 'pg_catalog.%s'::pg_catalog.regclass"
            + " AND i.objoid = %s AND i.objsubid = %s";

    private PredefinedObjectAccessReader() {
    }

    static List<AccessControl> read(CatalogQuery query) throws SQLException {
        String sql = "WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE" + SchemaFilter.SQL + ")"
                + " SELECT target, attname, " + Q + "(pg_catalog.pg_get_userbyid(owner)) AS owner_name, "
                + exploded("acl", "owner") + " AS acl_items, " + exploded("base", "owner") + " AS base_items FROM (" + relations(query) + " UNION ALL " + columns(query)
                + " UNION ALL " + routines(query) + " UNION ALL " + types(query) + databaseWide(query)
                + ") predefined WHERE acl IS NOT NULL AND acl IS DISTINCT FROM base"
                + " ORDER BY target COLLATE \"C\", attname COLLATE \"C\" NULLS FIRST";
        return query.list(sql, rs -> new AccessControl(rs.getString("target"),
                Optional.ofNullable(rs.getString("attname")), rs.getString("owner_name"), grants(rs, "acl_items"),
                Optional.of(grants(rs, "base_items"))));
    }

    /**
     * Which objects of a catalog are predefined: extension members of the dumped schemas and,
     * for a whole database, whatever is in {@code pg_catalog}.
     */
    private static String predefined(CatalogQuery query, String catalog, String oid, String namespace) {
        return " ((" + namespace + " IN (SELECT ns.oid FROM ns) AND NOT" + SchemaFilter.notInExtension(catalog, oid) + ")"
                + (query.wholeDatabase() ? " OR " + namespace + " = 'pg_catalog'::pg_catalog.regnamespace" : "") + ")";
    }

    private static String relations(CatalogQuery query) {
        return "SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || " + NAME.formatted("c.relname")
                + " AS target, NULL::name AS attname, c.relowner AS owner, c.relacl AS acl, COALESCE(i.initprivs,"
                + " pg_catalog.acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner)) AS base"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + INITIAL.formatted("pg_class", "c.oid", "0")
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND" + predefined(query, "pg_class", "c.oid", "n.oid");
    }

    /**
     * A column's list is empty unless granted on: its base is then the built-in empty list (not
     * {@code '{}'}, which has no dimension and which {@code aclexplode} refuses). System columns
     * such as {@code tableoid} may be granted on too.
     */
    private static String columns(CatalogQuery query) {
        return "SELECT 'TABLE ' || " + NAME.formatted("c.relname") + ", a.attname, c.relowner, a.attacl,"
                + " COALESCE(i.initprivs, pg_catalog.acldefault('c', c.relowner))"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace" + INITIAL.formatted("pg_class", "c.oid", "a.attnum")
                + " WHERE NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND"
                + predefined(query, "pg_class", "c.oid", "n.oid");
    }

    private static String routines(CatalogQuery query) {
        return "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || " + NAME.formatted("p.proname")
                + " || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', NULL, p.proowner, p.proacl,"
                + " COALESCE(i.initprivs, pg_catalog.acldefault('f', p.proowner))"
                + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + INITIAL.formatted("pg_proc", "p.oid", "0") + " WHERE" + predefined(query, "pg_proc", "p.oid", "n.oid");
    }

    private static String types(CatalogQuery query) {
        return "SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + NAME.formatted("t.typname")
                + ", NULL, t.typowner, t.typacl, COALESCE(i.initprivs, pg_catalog.acldefault('T', t.typowner))"
                + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + INITIAL.formatted("pg_type", "t.oid", "0") + " WHERE" + predefined(query, "pg_type", "t.oid", "n.oid");
    }

    /**
     * Schema {@code pg_catalog} itself, the built-in languages ({@code c}, {@code sql}, ...) and
     * extensions' languages ({@code plpgsql}) and foreign data wrappers ({@code postgres_fdw}).
     */
    private static String databaseWide(CatalogQuery query) {
        if (!query.wholeDatabase()) {
            return "";
        }
        return " UNION ALL SELECT 'SCHEMA pg_catalog', NULL, n.nspowner, n.nspacl,"
                + " COALESCE(i.initprivs, pg_catalog.acldefault('n', n.nspowner))"
                + " FROM pg_catalog.pg_namespace n" + INITIAL.formatted("pg_namespace", "n.oid", "0")
                + " WHERE n.nspname = 'pg_catalog'"
                + " UNION ALL SELECT 'LANGUAGE ' || " + Q + "(l.lanname), NULL, l.lanowner, l.lanacl,"
                + " COALESCE(i.initprivs, pg_catalog.acldefault('l', l.lanowner))"
                + " FROM pg_catalog.pg_language l" + INITIAL.formatted("pg_language", "l.oid", "0")
                + " WHERE l.oid < " + CastReader.FIRST_USER_OID + " OR NOT" + SchemaFilter.notInExtension("pg_language", "l.oid")
                + " UNION ALL SELECT 'FOREIGN DATA WRAPPER ' || " + Q + "(w.fdwname), NULL, w.fdwowner, w.fdwacl,"
                + " COALESCE(i.initprivs, pg_catalog.acldefault('F', w.fdwowner))"
                + " FROM pg_catalog.pg_foreign_data_wrapper w" + INITIAL.formatted("pg_foreign_data_wrapper", "w.oid", "0")
                + " WHERE NOT" + SchemaFilter.notInExtension("pg_foreign_data_wrapper", "w.oid");
    }
}
