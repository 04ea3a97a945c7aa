package io.dbsnap.reset;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's relations of a database and what links them, read in six bulk queries: what is
 * reset (tables with their primary keys, materialized views, sequences), inheritance and partitions (a statement on a
 * parent changes rows of its children), foreign keys (a table cannot be truncated without those
 * that reference it) and the user's triggers (which must not fire while rows are put back).
 */
final class RelationInventory {

    /**
     * Every schema but the system ones and dbsnap's own working schemas ({@code dbsnap_*}, among
     * them {@link ChangeTracking#SCHEMA}), as the dumper's scope "everything": what a snapshot holds.
     */
    static final String USER_SCHEMA = " n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"
            + " AND n.nspname !~ '^dbsnap_'";

    private final Map<Long, Relation> relations;
    private final Map<Long, List<Long>> children;
    private final Map<Long, List<Long>> referencedBy;
    private final Map<Long, List<long[]>> foreignKeys;
    private final List<UserTrigger> triggers;

    private RelationInventory(Map<Long, Relation> relations, Map<Long, List<Long>> children,
                              Map<Long, List<Long>> referencedBy, Map<Long, List<long[]>> foreignKeys,
                              List<UserTrigger> triggers) {
        this.relations = relations;
        this.children = children;
        this.referencedBy = referencedBy;
        this.foreignKeys = foreignKeys;
        this.triggers = triggers;
    }

    /** A user trigger that is enabled: {@code mode} is {@code pg_trigger.tgenabled} ({@code O}, {@code A} or {@code R}). */
    record UserTrigger(long table, String name, char mode) {
    }

    static RelationInventory read(Connection connection) throws SQLException {
        Map<Long, List<String>> columns = new HashMap<>();
        Map<Long, List<String>> keys = new HashMap<>();
        Map<Long, Relation> relations = new LinkedHashMap<>();
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, List<Long>> referencedBy = new HashMap<>();
        Map<Long, List<long[]>> foreignKeys = new HashMap<>();
        List<UserTrigger> triggers = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT a.attrelid, pg_catalog.quote_ident(a.attname)"
                    + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' AND"
                    + USER_SCHEMA + " ORDER BY a.attrelid, a.attnum")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT k.conrelid, pg_catalog.quote_ident(a.attname)"
                    + " FROM pg_catalog.pg_constraint k CROSS JOIN LATERAL pg_catalog.unnest(k.conkey) WITH ORDINALITY"
                    + " AS u(attnum, position) JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid"
                    + " AND a.attnum = u.attnum WHERE k.contype = 'p' ORDER BY k.conrelid, u.position")) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            // temporary tables belong to a session, not to the database a snapshot describes
            try (ResultSet rs = s.executeQuery("SELECT c.oid, c.relkind, pg_catalog.quote_ident(n.nspname) || '.' ||"
                    + " pg_catalog.quote_ident(c.relname), c.relispopulated FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p', 'm', 'S') AND c.relpersistence <> 't' AND" + USER_SCHEMA
                    + " ORDER BY c.oid")) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    relations.put(oid, new Relation(oid, rs.getString(2).charAt(0), rs.getString(3),
                            columns.getOrDefault(oid, List.of()), keys.getOrDefault(oid, List.of()), rs.getBoolean(4)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT inhrelid, inhparent FROM pg_catalog.pg_inherits")) {
                while (rs.next()) {
                    children.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT conrelid, confrelid FROM pg_catalog.pg_constraint WHERE contype = 'f'")) {
                while (rs.next()) {
                    referencedBy.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1));
                    foreignKeys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new long[] {rs.getLong(2)});
                }
            }
            // internal triggers are those of foreign keys (and, before PostgreSQL 13, partition clones)
            try (ResultSet rs = s.executeQuery("SELECT t.tgrelid, pg_catalog.quote_ident(t.tgname), t.tgenabled"
                    + " FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'"
                    + " AND t.tgname <> '" + ChangeTracking.TRIGGER + "' ORDER BY t.tgrelid, t.tgname")) {
                while (rs.next()) {
                    triggers.add(new UserTrigger(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0)));
                }
            }
        }
        return new RelationInventory(relations, children, referencedBy, foreignKeys, triggers);
    }

    Collection<Relation> all() {
        return relations.values();
    }

    Relation get(long oid) {
        return relations.get(oid);
    }

    /** The tables that hold rows (partitioned tables hold none: their partitions do). */
    List<Relation> tables() {
        return relations.values().stream().filter(Relation::isTable).toList();
    }

    /** The tables that may change through a statement: ordinary and partitioned ones. */
    List<Relation> trackedTables() {
        return relations.values().stream().filter(r -> r.isTable() || r.isPartitioned()).toList();
    }

    List<Relation> populatedMaterializedViews() {
        return relations.values().stream().filter(r -> r.isMaterializedView() && r.populated()).toList();
    }

    List<Relation> sequences() {
        return relations.values().stream().filter(Relation::isSequence).toList();
    }

    /**
     * What must be put back when {@code changed} changed: those tables and their descendants (a
     * statement on a parent changes rows of its children, and fires only the parent's statement
     * triggers); with {@code referencing}, also, repeatedly, every table with a foreign key to one
     * of them, as {@code TRUNCATE} refuses to empty a referenced table alone. (A cascading foreign
     * key action fires the statement triggers of the table it changes, so that table is among
     * {@code changed} already.)
     */
    Set<Long> closure(Collection<Long> changed, boolean referencing) {
        Set<Long> result = new HashSet<>();
        List<Long> pending = new ArrayList<>(changed);
        while (!pending.isEmpty()) {
            long oid = pending.remove(pending.size() - 1);
            if (!relations.containsKey(oid) || !result.add(oid)) {
                continue;
            }
            pending.addAll(children.getOrDefault(oid, List.of()));
            if (referencing) {
                pending.addAll(referencedBy.getOrDefault(oid, List.of()));
            }
        }
        return result;
    }

    /**
     * Whether a foreign key references {@code oid} or one of its ancestors (a key referencing a
     * partitioned table covers its partitions' rows).
     */
    boolean isReferenced(long oid) {
        if (!referencedBy.getOrDefault(oid, List.of()).isEmpty()) {
            return true;
        }
        return children.entrySet().stream().anyMatch(e -> e.getValue().contains(oid) && isReferenced(e.getKey()));
    }

    /** The tables {@code oid} has foreign keys to, partitioned ones replaced by their partitions. */
    Set<Long> referencedLeaves(long oid) {
        Set<Long> leaves = new HashSet<>();
        for (long[] key : foreignKeys.getOrDefault(oid, List.of())) {
            addLeaves(key[0], leaves);
        }
        leaves.remove(oid);
        return leaves;
    }

    private void addLeaves(long oid, Set<Long> leaves) {
        Relation relation = relations.get(oid);
        if (relation == null) {
            return;
        }
        if (relation.isTable()) {
            leaves.add(oid);
        }
        for (long child : children.getOrDefault(oid, List.of())) {
            addLeaves(child, leaves);
        }
    }

    /** The user's enabled triggers on these relations. */
    List<UserTrigger> triggersOn(Set<Long> oids) {
        return triggers.stream().filter(t -> oids.contains(t.table())).toList();
    }
}
