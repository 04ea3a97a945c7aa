package io.dbsnap.dumper;

import static io.dbsnap.dumper.CatalogQuery.strings;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.DefaultPrivileges;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Ownership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads owners and access control lists of dumped objects and the default privileges of their
 * schemas: three queries. The lists are exploded by the server ({@code aclexplode}), so no
 * {@code aclitem} text is parsed here.
 */
final class AccessReader {

    private static final String Q = "pg_catalog.quote_ident";

    /** Owners and access control lists, read together. */
    record Access(List<Ownership> owners, List<AccessControl> privileges, List<DefaultPrivileges> defaults) {
    }

    /**
     * One row of {@link #objects}: absent targets where the object has no ALTER or no ACL of its
     * own; the initial list for an object the database came with (schema {@code public}).
     */
    private record ObjectAccess(Optional<String> alterTarget, Optional<String> grantTarget, String owner,
                                Optional<List<Grant>> grants, Optional<List<Grant>> initial) {
    }

    private AccessReader() {
    }

    static Access read(CatalogQuery query) throws SQLException {
        List<ObjectAccess> objects = query.list(objects(query), rs -> new ObjectAccess(
                Optional.ofNullable(rs.getString(1)), Optional.ofNullable(rs.getString(2)), rs.getString(3),
                rs.getArray(4) == null ? Optional.empty() : Optional.of(grants(rs, 4)),
                rs.getArray(5) == null ? Optional.empty() : Optional.of(grants(rs, 5))));
        List<Ownership> owners = new ArrayList<>();
        List<AccessControl> privileges = new ArrayList<>();
        for (ObjectAccess o : objects) {
            o.alterTarget().ifPresent(target -> owners.add(new Ownership(target, o.owner())));
            if (o.grantTarget().isPresent() && o.grants().isPresent()) {
                privileges.add(new AccessControl(o.grantTarget().get(), Optional.empty(), o.owner(), o.grants().get(),
                        o.initial()));
            }
        }
        privileges.addAll(query.list(extensionMembers(),
                rs -> new AccessControl(rs.getString(1), Optional.empty(), rs.getString(2), grants(rs, 3),
                        Optional.of(grants(rs, 4)))));
        privileges.addAll(query.list("SELECT 'TABLE ' || " + Q + "(n.nspname) || '.' || " + Q + "(c.relname), a.attname,"
                        + " " + Q + "(pg_catalog.pg_get_userbyid(c.relowner)), " + exploded("a.attacl")
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped"
                        + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", a.attnum",
                rs -> new AccessControl(rs.getString(1), Optional.of(rs.getString(2)), rs.getString(3), grants(rs, 4))));
        // The role-wide entries (no schema) belong to the whole database.
        String roleWide = query.wholeDatabase() ? "d.defaclnamespace = 0" : "false";
        List<DefaultPrivileges> defaults = query.list("WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n"
                        + " WHERE" + SchemaFilter.SQL + ")"
                        + " SELECT " + Q + "(pg_catalog.pg_get_userbyid(d.defaclrole)), ns.nspname,"
                        + " CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'"
                        + "  WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END, " + exploded("d.defaclacl")
                        + " FROM pg_catalog.pg_default_acl d LEFT JOIN ns ON ns.oid = d.defaclnamespace"
                        + " WHERE ns.oid IS NOT NULL OR " + roleWide
                        + " ORDER BY pg_catalog.pg_get_userbyid(d.defaclrole) COLLATE \"C\", ns.nspname COLLATE \"C\" NULLS FIRST, d.defaclobjtype",
                rs -> new DefaultPrivileges(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getString(3),
                        grants(rs, 4)));
        return new Access(owners, privileges, defaults);
    }

    /**
     * One row per object: how ALTER ... OWNER names it (NULL where the owner follows another
     * object's), how GRANT names it (NULL where it has no ACL), owner, ACL.
     */
    private static String objects(CatalogQuery query) {
        String owner = Q + "(pg_catalog.pg_get_userbyid(%s))";
        String name = Q + "(ns.nspname) || '.' || " + Q + "(%s)";
        StringBuilder sql = new StringBuilder("WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE")
                .append(SchemaFilter.SQL).append(") SELECT * FROM (")
                // Schema public comes with the database (initdb records its list in pg_init_privs):
                // as pg_dump does, its owner is written only when not the default one (pg_database_owner
                // from PostgreSQL 15 on, the bootstrap superuser before) and of its list only what changed
                // (AccessDdl writes nothing for an unchanged one, which the catalog still records).
                .append("SELECT CASE WHEN n.nspname = 'public' AND n.nspowner = " + (query.atLeast(15) ? "6171" : "10")
                        + " THEN NULL ELSE 'SCHEMA ' || " + Q + "(ns.nspname) END AS alter_target,"
                        + " 'SCHEMA ' || " + Q + "(ns.nspname) AS grant_target,"
                        + owner.formatted("n.nspowner") + ", " + exploded("CASE WHEN i.initprivs IS NULL THEN n.nspacl"
                        + " ELSE COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) END") + ", " + exploded("i.initprivs")
                        + " FROM pg_catalog.pg_namespace n JOIN ns ON ns.oid = n.oid"
                        + " LEFT JOIN pg_catalog.pg_init_privs i ON i.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass"
                        + " AND i.objoid = n.oid AND i.objsubid = 0")
                // A sequence owned by a column (serial, identity) follows its table's owner: no ALTER.
                .append(" UNION ALL SELECT CASE WHEN c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend i"
                        + "  WHERE i.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND i.objid = c.oid"
                        + "  AND i.deptype IN ('i', 'a')) THEN NULL"
                        + " ELSE CASE c.relkind WHEN 'v' THEN 'VIEW ' WHEN 'm' THEN 'MATERIALIZED VIEW ' WHEN 'S' THEN 'SEQUENCE '"
                        + " WHEN 'f' THEN 'FOREIGN TABLE ' ELSE 'TABLE ' END || " + name.formatted("c.relname") + " END,"
                        + " CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || " + name.formatted("c.relname") + ","
                        + owner.formatted("c.relowner") + ", " + exploded("c.relacl") + ", NULL"
                        + " FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND" + SchemaFilter.notInExtension("pg_class", "c.oid"))
                .append(" UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' WHEN 'a' THEN 'AGGREGATE ' ELSE 'FUNCTION ' END"
                        + " || " + name.formatted("p.proname") + " || '(' || " + ObjectTargets.AGGREGATE_ARGUMENTS + " || ')',"
                        + " CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END"
                        + " || " + name.formatted("p.proname") + " || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',"
                        + owner.formatted("p.proowner") + ", " + exploded("p.proacl") + ", NULL"
                        + " FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_proc", "p.oid"))
                // not the types made with a table or a range, nor array types
                .append(" UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + name.formatted("t.typname") + ","
                        + " CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + name.formatted("t.typname") + ","
                        + owner.formatted("t.typowner") + ", " + exploded("t.typacl") + ", NULL"
                        + " FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace"
                        + " WHERE t.typtype IN ('b', 'c', 'd', 'e', 'r', 'p')"
                        + " AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)"
                        + " AND" + SchemaFilter.notInExtension("pg_type", "t.oid"))
                .append(ownedOnly("COLLATION", "pg_collation", "collname", "collnamespace", "collowner", name, owner))
                .append(ownedOnly("TEXT SEARCH DICTIONARY", "pg_ts_dict", "dictname", "dictnamespace", "dictowner", name, owner))
                .append(ownedOnly("TEXT SEARCH CONFIGURATION", "pg_ts_config", "cfgname", "cfgnamespace", "cfgowner", name, owner))
                .append(ownedOnly("STATISTICS", "pg_statistic_ext", "stxname", "stxnamespace", "stxowner", name, owner))
                .append(" UNION ALL SELECT 'OPERATOR ' || " + Q + "(ns.nspname) || '.' || o.oprname || ' (' || "
                        + ObjectTargets.operatorArguments("o") + " || ')',"
                        + " NULL, " + owner.formatted("o.oprowner") + ", NULL, NULL"
                        + " FROM pg_catalog.pg_operator o JOIN ns ON ns.oid = o.oprnamespace"
                        + " WHERE o.oprcode <> 0 AND" + SchemaFilter.notInExtension("pg_operator", "o.oid"));
        if (query.wholeDatabase()) {
            sql.append(" UNION ALL SELECT 'EVENT TRIGGER ' || " + Q + "(e.evtname), NULL, " + owner.formatted("e.evtowner")
                            + ", NULL, NULL FROM pg_catalog.pg_event_trigger e WHERE" + WorkingSchemas.notWorkingFunction("e.evtfoid"))
                    .append(" UNION ALL SELECT 'PUBLICATION ' || " + Q + "(p.pubname), NULL, " + owner.formatted("p.pubowner")
                            + ", NULL, NULL FROM pg_catalog.pg_publication p")
                    .append(" UNION ALL SELECT 'LARGE OBJECT ' || l.oid, 'LARGE OBJECT ' || l.oid, " + owner.formatted("l.lomowner")
                            + ", " + exploded("l.lomacl") + ", NULL FROM pg_catalog.pg_largeobject_metadata l");
        }
        return sql.append(") objects ORDER BY COALESCE(alter_target, grant_target) COLLATE \"C\"").toString();
    }

    /**
     * The privileges changed on objects of the dumped schemas that belong to an extension: the
     * extension's script creates them, so only what differs from the list they were created with
     * ({@code pg_init_privs}, else the built-in default) is recorded, as pg_dump does. On
     * Supabase-style databases these are the grants that let the application's roles use
     * {@code pgcrypto} and the like.
     */
    private static String extensionMembers() {
        String name = Q + "(ns.nspname) || '.' || " + Q + "(%s)";
        String init = " LEFT JOIN pg_catalog.pg_init_privs i ON i.classoid = 'pg_catalog.%s'::pg_catalog.regclass"
                + " AND i.objoid = %s AND i.objsubid = 0";
        return "WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE" + SchemaFilter.SQL + ")"
                + " SELECT target, " + Q + "(pg_catalog.pg_get_userbyid(owner)), " + exploded("acl") + ", " + exploded("base")
                + " FROM ("
                + "SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || " + name.formatted("c.relname")
                + " AS target, c.relowner AS owner, c.relacl AS acl, COALESCE(i.initprivs, pg_catalog.acldefault("
                + "CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner)) AS base"
                + " FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace" + init.formatted("pg_class", "c.oid")
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT" + SchemaFilter.notInExtension("pg_class", "c.oid")
                + " UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || " + name.formatted("p.proname")
                + " || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', p.proowner, p.proacl,"
                + " COALESCE(i.initprivs, pg_catalog.acldefault('f', p.proowner))"
                + " FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace" + init.formatted("pg_proc", "p.oid")
                + " WHERE NOT" + SchemaFilter.notInExtension("pg_proc", "p.oid")
                + " UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + name.formatted("t.typname")
                + ", t.typowner, t.typacl, COALESCE(i.initprivs, pg_catalog.acldefault('T', t.typowner))"
                + " FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace" + init.formatted("pg_type", "t.oid")
                + " WHERE NOT" + SchemaFilter.notInExtension("pg_type", "t.oid")
                + ") members WHERE acl IS NOT NULL AND acl IS DISTINCT FROM base ORDER BY target COLLATE \"C\"";
    }

    private static String ownedOnly(String keyword, String catalog, String nameColumn, String schemaColumn,
                                    String ownerColumn, String name, String owner) {
        return " UNION ALL SELECT '" + keyword + " ' || " + name.formatted("o." + nameColumn) + ", NULL, "
                + owner.formatted("o." + ownerColumn) + ", NULL, NULL FROM pg_catalog." + catalog
                + " o JOIN ns ON ns.oid = o." + schemaColumn + " WHERE" + SchemaFilter.notInExtension(catalog, "o.oid");
    }

    /**
     * An ACL as text entries {@code grantee=PRIVILEGE} (with {@code *} when grantable), in the
     * list's order; NULL for a NULL list, which means the built-in defaults.
     */
    static String exploded(String acl) {
        return "CASE WHEN " + acl + " IS NOT NULL THEN ARRAY(SELECT CASE WHEN g.grantee = 0 THEN 'PUBLIC'"
                + " ELSE " + Q + "(pg_catalog.pg_get_userbyid(g.grantee)) END || '=' || g.privilege_type"
                + " || CASE WHEN g.is_grantable THEN '*' ELSE '' END"
                + " FROM pg_catalog.aclexplode(" + acl + ") WITH ORDINALITY AS g(grantor, grantee, privilege_type, is_grantable, i)"
                + " ORDER BY g.i) END";
    }

    /** The entries of {@link #exploded}, one grant per grantee and grant option, in first-seen order. */
    static List<Grant> grants(ResultSet rs, int column) throws SQLException {
        Map<String, List<String>> byGrantee = new LinkedHashMap<>();
        for (String entry : strings(rs, column)) {
            int eq = entry.lastIndexOf('=');
            boolean grantable = entry.endsWith("*");
            String privilege = entry.substring(eq + 1, grantable ? entry.length() - 1 : entry.length());
            byGrantee.computeIfAbsent(entry.substring(0, eq) + (grantable ? "*" : ""), k -> new ArrayList<>()).add(privilege);
        }
        List<Grant> grants = new ArrayList<>();
        byGrantee.forEach((key, privileges) -> {
            boolean grantable = key.endsWith("*");
            grants.add(new Grant(grantable ? key.substring(0, key.length() - 1) : key, privileges, grantable));
        });
        return grants;
    }
}
