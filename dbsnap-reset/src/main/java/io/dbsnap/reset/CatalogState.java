package io.dbsnap.reset;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notices in one query whether the structure of the database changed since a point in time (the
 * watermark, a transaction id), without reading it as the {@code CatalogReader} does (tens of
 * queries): every DDL statement inserts, updates or deletes rows of system catalogs, and a row
 * written after the watermark has an {@code xmin} newer than it, while a deleted one changes the
 * catalog's row count.
 *
 * <p>{@code pg_class} is the exception: {@code TRUNCATE}, {@code VACUUM FULL}, {@code CLUSTER} and
 * {@code REFRESH MATERIALIZED VIEW} rewrite a relation's row to give it a new file, which is no
 * change of structure. So for {@code pg_class} the rows written after the watermark are compared,
 * column by column but without the file and statistics columns, with what they held before.
 * VACUUM and ANALYZE update statistics in place (no new {@code xmin}) and so go unnoticed, as
 * they should.
 *
 * <p>Erring is only allowed in one direction: a change seen where there is none costs a full
 * restore; none seen where there is one would leave a wrong database. Temporary objects of a
 * session that is still open count as a change (and so cost a full restore) until it closes.
 * Shared catalogs (roles, databases) are left out: other databases of the server change them, and
 * no snapshot holds them.
 *
 * <p>When event triggers count the DDL commands ({@link ChangeTracking}), only what they cannot
 * see is checked here ({@link #notSeenByEventTriggers}): event triggers themselves, and large
 * objects, which functions create and write without any DDL.
 */
final class CatalogState {

    /** Catalogs whose rows describe the objects of one database, in PostgreSQL 12 to 18. */
    private static final List<String> CATALOGS = List.of("pg_attribute", "pg_attrdef", "pg_constraint", "pg_index",
            "pg_inherits", "pg_trigger", "pg_rewrite", "pg_policy", "pg_proc", "pg_type", "pg_enum", "pg_range",
            "pg_sequence", "pg_description", "pg_extension", "pg_depend", "pg_aggregate", "pg_operator", "pg_cast",
            "pg_collation", "pg_opclass", "pg_opfamily", "pg_amop", "pg_amproc", "pg_am", "pg_ts_config",
            "pg_ts_config_map", "pg_ts_dict", "pg_ts_parser", "pg_ts_template", "pg_event_trigger", "pg_publication",
            "pg_publication_rel", "pg_statistic_ext", "pg_seclabel", "pg_default_acl", "pg_init_privs",
            "pg_largeobject_metadata", "pg_partitioned_table", "pg_foreign_table", "pg_foreign_server",
            "pg_foreign_data_wrapper", "pg_conversion", "pg_language", "pg_transform");

    /** What a relation is, without its file, size and statistics, which change without DDL. */
    private static final String RELATION = "pg_catalog.concat_ws('|', c.relname, c.relnamespace, c.reltype, c.reloftype,"
            + " c.relowner, c.relam, c.reltablespace, c.relkind, c.relpersistence, c.relnatts, c.relchecks,"
            + " c.relrowsecurity, c.relforcerowsecurity, c.relispopulated, c.relreplident, c.relispartition,"
            + " c.relacl::text, c.reloptions::text, c.relpartbound::text)";

    /** TOAST tables, which REFRESH MATERIALIZED VIEW replaces by new ones: storage, not structure. */
    private static final String TOAST = "SELECT t.oid FROM pg_catalog.pg_class t"
            + " WHERE t.relnamespace = 'pg_toast'::pg_catalog.regnamespace";

    /**
     * Which rows of a catalog describe TOAST tables, their columns, indexes, row types (before
     * PostgreSQL 14 a TOAST table has one) and dependencies.
     */
    private static final Map<String, String> NOT_TOAST = Map.of(
            "pg_attribute", "attrelid NOT IN (" + TOAST + ")",
            "pg_index", "indexrelid NOT IN (" + TOAST + ")",
            "pg_type", "typnamespace <> 'pg_toast'::pg_catalog.regnamespace",
            "pg_depend", "NOT (classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND objid IN (" + TOAST + "))"
                    + " AND NOT (refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND refobjid IN (" + TOAST + "))");

    /** Temporary schemas come and go with sessions (pg_temp_3 is created the first time a session needs one). */
    private static final String NOT_TEMPORARY_SCHEMA = "nspname !~ '^pg_(toast_)?temp_'";

    /** The relations compared: neither temporary nor TOAST tables. */
    private static final String RELATIONS = "c.relpersistence <> 't'"
            + " AND c.relnamespace <> 'pg_toast'::pg_catalog.regnamespace";

    /** What event triggers do not see. */
    private static final List<String> UNSEEN_BY_EVENT_TRIGGERS = List.of("pg_event_trigger", "pg_largeobject_metadata");

    private final List<String> catalogs;
    private final boolean withRelations;
    private final Map<String, Long> rowCounts;
    private final Map<Long, String> relations;

    private CatalogState(List<String> catalogs, boolean withRelations, Map<String, Long> rowCounts,
                         Map<Long, String> relations) {
        this.catalogs = catalogs;
        this.withRelations = withRelations;
        this.rowCounts = rowCounts;
        this.relations = relations;
    }

    /** Reads the state of every catalog, to compare with later; call it right after taking the watermark. */
    static CatalogState capture(Connection connection, long watermark) throws SQLException {
        return capture(connection, watermark, CATALOGS, true);
    }

    /** Reads the state of what event triggers do not see, to compare with later. */
    static CatalogState notSeenByEventTriggers(Connection connection, long watermark) throws SQLException {
        return capture(connection, watermark, UNSEEN_BY_EVENT_TRIGGERS, false);
    }

    private static CatalogState capture(Connection connection, long watermark, List<String> catalogs,
                                        boolean withRelations) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.has_table_privilege('pg_catalog.pg_largeobject', 'SELECT')")) {
            rs.next();
            if (rs.getBoolean(1)) {
                catalogs = plus(catalogs, "pg_largeobject");
            }
        }
        Map<String, Long> counts = new HashMap<>();
        for (Map.Entry<String, long[]> count : counts(connection, watermark, catalogs, withRelations).entrySet()) {
            counts.put(count.getKey(), count.getValue()[0]);
        }
        Map<Long, String> relations = new HashMap<>();
        if (withRelations) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT c.oid, " + RELATION + " FROM pg_catalog.pg_class c"
                         + " WHERE " + RELATIONS)) {
                while (rs.next()) {
                    relations.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return new CatalogState(catalogs, withRelations, counts, relations);
    }

    /**
     * What changed in the structure since {@code watermark}, when something did.
     *
     * @param watermark the newest transaction whose catalog writes are part of this state
     */
    Optional<String> changeSince(Connection connection, long watermark) throws SQLException {
        for (Map.Entry<String, long[]> count : counts(connection, watermark, catalogs, withRelations).entrySet()) {
            long before = rowCounts.getOrDefault(count.getKey(), -1L);
            long[] now = count.getValue();
            if (now[0] != before) {
                return Optional.of(count.getKey() + " has " + now[0] + " rows instead of " + before);
            }
            if (now[1] > 0 && !count.getKey().equals("pg_class")) {
                return Optional.of(count.getKey() + " has " + now[1] + " rows written since the snapshot");
            }
        }
        if (!withRelations) {
            return Optional.empty();
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.oid, " + RELATION + ", c.relname FROM pg_catalog.pg_class c"
                     + " WHERE " + RELATIONS + " AND " + newerThan("c.xmin", watermark))) {
            while (rs.next()) {
                String before = relations.get(rs.getLong(1));
                if (!rs.getString(2).equals(before)) {
                    return Optional.of("relation " + rs.getString(3) + (before == null ? " was created" : " was altered"));
                }
            }
        }
        return Optional.empty();
    }

    /** Per catalog: its rows, and how many were written after the watermark. */
    private static Map<String, long[]> counts(Connection connection, long watermark, List<String> catalogs,
                                              boolean withRelations) throws SQLException {
        List<String> selects = new ArrayList<>();
        if (withRelations) {
            selects.add(count("pg_class", "c", watermark) + " WHERE " + RELATIONS);
            selects.add(count("pg_namespace", "n", watermark) + " WHERE " + NOT_TEMPORARY_SCHEMA);
        }
        for (String catalog : catalogs) {
            selects.add(count(catalog, "x", watermark)
                    + (NOT_TOAST.containsKey(catalog) ? " WHERE " + NOT_TOAST.get(catalog) : ""));
        }
        String sql = String.join(" UNION ALL ", selects);
        Map<String, long[]> counts = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return counts;
    }

    /** {@code SELECT 'catalog', rows, rows written after the watermark FROM catalog alias}. */
    private static String count(String catalog, String alias, long watermark) {
        return "SELECT '" + catalog + "', count(*), count(*) FILTER (WHERE " + newerThan(alias + ".xmin", watermark)
                + ") FROM pg_catalog." + catalog + " " + alias;
    }

    /**
     * Whether {@code column} (an xid) is newer than the watermark. xids wrap around at 2^32, so
     * they are compared by age (distance from the newest xid), which is modular: right as long as
     * fewer than two billion transactions pass between the watermark and the check.
     */
    static String newerThan(String column, long watermark) {
        return "pg_catalog.age(" + column + ") < pg_catalog.age('" + watermark + "'::pg_catalog.xid)";
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }
}
