package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

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
public final class AccessReader {

    private static final String Q = "pg_catalog.quote_ident";

    /** Owners and access control lists, read together. */
    public record Access(List<Ownership> owners, List<AccessControl> privileges, List<DefaultPrivileges> defaults) {
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

    public static Access read(CatalogQuery query) throws SQLException {
        List<ObjectAccess> objects = query.list(objects(query), rs -> new ObjectAccess(
                Optional.ofNullable(rs.getString("alter_target")), Optional.ofNullable(rs.getString("grant_target")),
                rs.getString("owner"), rs.getArray("acl") == null ? Optional.empty() : Optional.of(grants(rs, "acl")),
                rs.getArray("initial") == null ? Optional.empty() : Optional.of(grants(rs, "initial"))));
        List<Ownership> owners = new ArrayList<>();
        List<AccessControl> privileges = new ArrayList<>();
        for (ObjectAccess o : objects) {
            o.alterTarget().ifPresent(target -> owners.add(new Ownership(target, o.owner())));
            if (o.grantTarget().isPresent() && o.grants().isPresent()) {
                privileges.add(new AccessControl(o.grantTarget().get(), Optional.empty(), o.owner(), o.grants().get(),
                        o.initial()));
            }
        }
        privileges.addAll(PredefinedObjectAccessReader.read(query));
        privileges.addAll(query.list("SELECT 'TABLE ' || " + Q + "(n.nspname) || '.' || " + Q + "(c.relname) AS target, a.attname,"
                        + " " + Q + "(pg_catalog.pg_get_userbyid(c.relowner)) AS owner, " + exploded("a.attacl", "c.relowner")
                        + " AS acl"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE a.attacl IS NOT NULL AND NOT a.attisdropped"
                        + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", a.attnum",
                rs -> new AccessControl(rs.getString("target"), Optional.of(rs.getString("attname")), rs.getString("owner"),
                        grants(rs, "acl"))));
        // The role-wide entries (no schema) belong to the whole database.
        String roleWide = query.wholeDatabase() ? "d.defaclnamespace = 0" : "false";
        List<DefaultPrivileges> defaults = query.list("WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n"
                        + " WHERE" + SchemaFilter.SQL + ")"
                        + " SELECT " + Q + "(pg_catalog.pg_get_userbyid(d.defaclrole)) AS role, ns.nspname,"
                        + " CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'"
                        + "  WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END AS object_type, " + exploded("d.defaclacl", "d.defaclrole")
                        + " AS acl"
                        + " FROM pg_catalog.pg_default_acl d LEFT JOIN ns ON ns.oid = d.defaclnamespace"
                        + " WHERE ns.oid IS NOT NULL OR " + roleWide
                        + " ORDER BY pg_catalog.pg_get_userbyid(d.defaclrole) COLLATE \"C\", ns.nspname COLLATE \"C\" NULLS FIRST, d.defaclobjtype",
                rs -> new DefaultPrivileges(rs.getString("role"), Optional.ofNullable(rs.getString("nspname")),
                        rs.getString("object_type"), grants(rs, "acl")));
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
                // Schema public comes with the database: as pg_dump does, its owner is written only when
                // not the default one (pg_database_owner from PostgreSQL 15 on, the bootstrap superuser
                // before) and of its list only what differs from a new database's list for its current
                // owner (AccessDdl writes nothing for an unchanged one, which the catalog still records).
                // Not pg_init_privs' list: ALTER SCHEMA ... OWNER carries the list over to the new owner.
                .append("SELECT CASE WHEN n.nspname = 'public' AND n.nspowner = " + (query.atLeast(15) ? "6171" : "10")
                        + " THEN NULL ELSE 'SCHEMA ' || " + Q + "(ns.nspname) END AS alter_target,"
                        + " 'SCHEMA ' || " + Q + "(ns.nspname) AS grant_target,"
                        + owner.formatted("n.nspowner") + " AS owner, " + exploded("CASE WHEN i.initprivs IS NULL"
                        + " AND n.nspname <> 'public' THEN n.nspacl ELSE COALESCE(n.nspacl, pg_catalog.acldefault('n',"
                        + " n.nspowner)) END", "n.nspowner") + " AS acl, " + exploded("CASE WHEN n.nspname = 'public' THEN "
                        + newDatabasePublicList(query) + " ELSE i.initprivs END", "n.nspowner") + " AS initial"
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
                        + owner.formatted("c.relowner") + ", " + exploded("c.relacl", "c.relowner") + ", NULL"
                        + " FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND" + SchemaFilter.notInExtension("pg_class", "c.oid"))
                .append(" UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' WHEN 'a' THEN 'AGGREGATE ' ELSE 'FUNCTION ' END"
                        + " || " + name.formatted("p.proname") + " || '(' || " + ObjectTargets.AGGREGATE_ARGUMENTS + " || ')',"
                        + " CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END"
                        + " || " + name.formatted("p.proname") + " || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',"
                        + owner.formatted("p.proowner") + ", " + exploded("p.proacl", "p.proowner") + ", NULL"
                        + " FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_proc", "p.oid"))
                // not the types made with a table or a range, nor array types
                .append(" UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + name.formatted("t.typname") + ","
                        + " CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + name.formatted("t.typname") + ","
                        + owner.formatted("t.typowner") + ", " + exploded("t.typacl", "t.typowner") + ", NULL"
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
                            + ", " + exploded("l.lomacl", "l.lomowner") + ", NULL FROM pg_catalog.pg_largeobject_metadata l");
        }
        return sql.append(") objects ORDER BY COALESCE(alter_target, grant_target) COLLATE \"C\"").toString();
    }

    /** Schema public's list in a new database, for its current owner: PUBLIC may create in it only before PostgreSQL 15. */
    private static String newDatabasePublicList(CatalogQuery query) {
        String item = "pg_catalog.makeaclitem(%s, n.nspowner, '%s', false)";
        return "ARRAY[" + item.formatted("n.nspowner", "USAGE") + ", " + item.formatted("n.nspowner", "CREATE") + ", "
                + item.formatted("0", "USAGE") + (query.atLeast(15) ? "" : ", " + item.formatted("0", "CREATE")) + "]";
    }

    private static String ownedOnly(String keyword, String catalog, String nameColumn, String schemaColumn,
                                    String ownerColumn, String name, String owner) {
        return " UNION ALL SELECT '" + keyword + " ' || " + name.formatted("o." + nameColumn) + ", NULL, "
                + owner.formatted("o." + ownerColumn) + ", NULL, NULL FROM pg_catalog." + catalog
                + " o JOIN ns ON ns.oid = o." + schemaColumn + " WHERE" + SchemaFilter.notInExtension(catalog, "o.oid");
    }

    /**
     * An ACL as a flat text array of four entries per item, in the list's order: grantee
     * ({@code PUBLIC} or a quoted role), privilege, {@code *} when grantable (else empty), and the
     * quoted grantor when it is not {@code owner} (else empty); NULL for a NULL list, which means
     * the built-in defaults. Flat and positional because quoted role names may hold any character.
     *
     * @param owner the SQL expression for the owner's oid, whose own grants name no grantor
     */
    static String exploded(String acl, String owner) {
        return "CASE WHEN " + acl + " IS NOT NULL THEN ARRAY(SELECT u.entry"
                + " FROM pg_catalog.aclexplode(" + acl + ") WITH ORDINALITY AS g(grantor, grantee, privilege_type, is_grantable, i),"
                + " LATERAL pg_catalog.unnest(ARRAY[CASE WHEN g.grantee = 0 THEN 'PUBLIC'"
                + "  ELSE " + Q + "(pg_catalog.pg_get_userbyid(g.grantee)) END, g.privilege_type,"
                + "  CASE WHEN g.is_grantable THEN '*' ELSE '' END,"
                + "  CASE WHEN g.grantor = " + owner + " THEN '' ELSE " + Q + "(pg_catalog.pg_get_userbyid(g.grantor)) END])"
                + " WITH ORDINALITY AS u(entry, j) ORDER BY g.i, u.j) END";
    }

    /** The items of {@link #exploded}, one grant per grantee, grant option and grantor, in first-seen order. */
    static List<Grant> grants(ResultSet rs, String column) throws SQLException {
        List<String> entries = strings(rs, column);
        Map<List<String>, List<String>> byGrantee = new LinkedHashMap<>();
        for (int i = 0; i + 3 < entries.size(); i += 4) {
            List<String> key = List.of(entries.get(i), entries.get(i + 2), entries.get(i + 3));
            byGrantee.computeIfAbsent(key, k -> new ArrayList<>()).add(entries.get(i + 1));
        }
        List<Grant> grants = new ArrayList<>();
        byGrantee.forEach((key, privileges) -> grants.add(new Grant(key.get(0), privileges, key.get(1).equals("*"),
                key.get(2).isEmpty() ? Optional.empty() : Optional.of(key.get(2)))));
        return grants;
    }
}
