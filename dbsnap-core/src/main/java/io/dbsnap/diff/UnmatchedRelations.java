package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.View;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables, views and materialized views that only one of two catalogs has. What lives on
 * them (columns, constraints, indexes, triggers, rules, policies, statistics, serial sequences,
 * comments, grants) comes and goes with them: a dropped table is one change, not one per index.
 */
final class UnmatchedRelations {

    private final Set<QualifiedName> names;

    private UnmatchedRelations(Set<QualifiedName> names) {
        this.names = names;
    }

    static UnmatchedRelations between(Catalog before, Catalog after) {
        Set<QualifiedName> first = relations(before);
        Set<QualifiedName> second = relations(after);
        Set<QualifiedName> unmatched = new HashSet<>(first);
        unmatched.addAll(second);
        first.retainAll(second);
        unmatched.removeAll(first);
        return new UnmatchedRelations(unmatched);
    }

    boolean contains(QualifiedName relation) {
        return names.contains(relation);
    }

    /** The objects of {@code objects} that do not live on an unmatched relation. */
    <T> List<T> without(List<T> objects, Function<T, QualifiedName> relation) {
        return names.isEmpty() ? objects : objects.stream().filter(o -> !contains(relation.apply(o))).toList();
    }

    private static Set<QualifiedName> relations(Catalog catalog) {
        Set<QualifiedName> names = new HashSet<>();
        catalog.tables().stream().map(Table::name).forEach(names::add);
        catalog.views().stream().map(View::name).forEach(names::add);
        return names;
    }
}
