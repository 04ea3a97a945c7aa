package io.dbsnap.reset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which tables a reset puts back, and in which order: the changed tables with their descendants
 * (see {@link RelationInventory#closure}), loaded referenced tables first, so that the foreign key
 * checks of a load find the rows they look for. In a cycle of foreign keys the order is broken
 * arbitrarily: deferrable keys are checked at commit ({@code SET CONSTRAINTS ALL DEFERRED}); a
 * cycle of immediate keys makes the load fail, and the reset falls back to a full restore.
 *
 * <p>A plan that {@link #truncating truncates} also holds every table that references one of
 * them, as one {@code TRUNCATE} must empty them all.
 */
final class ReloadPlan {

    private final List<Relation> tables;
    private final List<Relation> loadOrder;

    private ReloadPlan(List<Relation> tables, List<Relation> loadOrder) {
        this.tables = tables;
        this.loadOrder = loadOrder;
    }

    /** For putting rows back one by one, which foreign keys do not hinder (they are not checked). */
    static ReloadPlan byRows(RelationInventory inventory, Collection<Long> changed) {
        return of(inventory, inventory.closure(changed, false));
    }

    /** For emptying the tables with {@code TRUNCATE} and loading them whole. */
    static ReloadPlan truncating(RelationInventory inventory, Collection<Long> changed) {
        return of(inventory, inventory.closure(changed, true));
    }

    private static ReloadPlan of(RelationInventory inventory, Set<Long> closure) {
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
        return new ReloadPlan(tables, order);
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

    /**
     * One TRUNCATE for all of them: {@code ONLY} for ordinary tables (their children are listed
     * on their own when they must go), never for partitioned ones, which refuse it.
     */
    String truncateStatement() {
        return "TRUNCATE TABLE " + tables.stream().map(r -> (r.isTable() ? "ONLY " : "") + r.name())
                .collect(Collectors.joining(", "));
    }
}
