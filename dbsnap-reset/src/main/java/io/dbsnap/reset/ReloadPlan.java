package io.dbsnap.reset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which tables a reset puts back, how, and in which order: the changed tables with their
 * descendants (see {@link RelationInventory#closure}), loaded referenced tables first, so that the
 * foreign key checks of a load find the rows they look for. In a cycle of foreign keys the order
 * is broken arbitrarily: deferrable keys are checked at commit ({@code SET CONSTRAINTS ALL
 * DEFERRED}); a cycle of immediate keys makes the load fail, and the reset falls back to a full
 * restore.
 *
 * <p>A table is either put back row by row (its rows written since the last reset deleted, the
 * snapshot's missing rows loaded) or {@link #truncated} and loaded whole; one {@code TRUNCATE}
 * must then also empty every table that references it.
 */
final class ReloadPlan {

    private final List<Relation> tables;
    private final List<Relation> loadOrder;
    private final Set<Long> truncated;

    private ReloadPlan(List<Relation> tables, List<Relation> loadOrder, Set<Long> truncated) {
        this.tables = tables;
        this.loadOrder = loadOrder;
        this.truncated = truncated;
    }

    /**
     * For a session whose foreign keys are not checked ({@code session_replication_role =
     * replica}): nothing is truncated, so no table joins the plan only because it references a
     * changed one; each table is put back row by row, or emptied with {@code DELETE} and loaded
     * whole when it cannot be.
     */
    static ReloadPlan uncheckedKeys(RelationInventory inventory, Collection<Long> changed) {
        return of(inventory, inventory.closure(changed, false), Set.of());
    }

    /**
     * For a session that checks foreign keys and runs their actions. Only a table that no foreign
     * key references is put back row by row (where {@code byRows} allows it): deleting its rows
     * can neither fail a check nor cascade into another table, and the rows loaded back find what
     * they reference, in tables the test left alone or reloaded before them. Every other changed
     * table is truncated with all tables referencing it, and loaded whole.
     */
    static ReloadPlan checkedKeys(RelationInventory inventory, Collection<Long> changed, Predicate<Relation> byRows) {
        Set<Long> all = inventory.closure(changed, false);
        List<Long> whole = all.stream()
                .filter(oid -> inventory.isReferenced(oid)
                        || inventory.get(oid).isTable() && !byRows.test(inventory.get(oid))).toList();
        Set<Long> truncated = inventory.closure(whole, true);
        all.addAll(truncated);
        return of(inventory, all, truncated);
    }

    private static ReloadPlan of(RelationInventory inventory, Set<Long> closure, Set<Long> truncated) {
        List<Relation> tables = new TreeSet<>(closure).stream().map(inventory::get)
                .filter(r -> r.isTable() || r.isPartitioned()).toList();
        Set<Long> leaves = tables.stream().filter(Relation::isTable).map(Relation::oid)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Relation> order = new ArrayList<>();
        Set<Long> placed = new LinkedHashSet<>();
        while (placed.size() < leaves.size()) {
            boolean progress = false;
            for (long oid : leaves) {
                if (!placed.contains(oid) && placed.containsAll(referencedWithin(inventory, oid, leaves))) {
                    placed.add(oid);
                    order.add(inventory.get(oid));
                    progress = true;
                }
            }
            if (!progress) {
                // a cycle: take the first one left
                long next = leaves.stream().filter(oid -> !placed.contains(oid)).findFirst().orElseThrow();
                placed.add(next);
                order.add(inventory.get(next));
            }
        }
        return new ReloadPlan(tables, order, truncated);
    }

    private static Set<Long> referencedWithin(RelationInventory inventory, long oid, Set<Long> leaves) {
        Set<Long> referenced = inventory.referencedLeaves(oid);
        referenced.retainAll(leaves);
        return referenced;
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Every table of the plan; partitioned tables too, as TRUNCATE checks foreign keys by the tables it names. */
    List<Relation> tables() {
        return tables;
    }

    /** The tables that hold rows, referenced ones first. */
    List<Relation> loadOrder() {
        return loadOrder;
    }

    /** Whether {@code table} is emptied by {@link #truncateStatement} and loaded whole. */
    boolean truncates(Relation table) {
        return truncated.contains(table.oid());
    }

    /**
     * One TRUNCATE for the truncated tables, empty when there are none: {@code ONLY} for ordinary
     * tables (their children are listed on their own when they must go), never for partitioned
     * ones, which refuse it.
     */
    String truncateStatement() {
        List<Relation> listed = tables.stream().filter(this::truncates).toList();
        return listed.isEmpty() ? "" : "TRUNCATE TABLE " + listed.stream()
                .map(r -> (r.isTable() ? "ONLY " : "") + r.name()).collect(Collectors.joining(", ")) + ";";
    }
}
