package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.View;
import java.util.List;

/**
 * Compares the relations that are not tables: views and materialized views (their query as the
 * server renders it, options, check option, whether a materialized view is populated) and sequences (every option). A serial column's
 * sequence on a table only one catalog has is left to that table's change.
 */
final class RelationComparison {

    private RelationComparison() {
    }

    static void compare(Catalog before, Catalog after, UnmatchedRelations unmatched, ChangeList changes) {
        changes.compare(before.views(), after.views(), RelationComparison::subject, (a, b, d) -> {
            d.definition("definition", a.definition(), b.definition());
            d.value("options", a.options(), b.options());
            d.value("check option", a.checkOption(), b.checkOption());
            // the output columns follow from the query; apart from it they change with the types it reads
            if (a.definition().equals(b.definition())) {
                d.members("column", a.columns().stream().map(Object::toString).toList(),
                        b.columns().stream().map(Object::toString).toList());
            }
            d.value("access method", a.accessMethod(), b.accessMethod());
            d.members("column settings", a.storedColumns().stream().map(Object::toString).toList(),
                    b.storedColumns().stream().map(Object::toString).toList());
            d.value("cluster index", a.clusterIndex(), b.clusterIndex());
            // pg_dump counts a materialized view's rows as data, but whether it has any is schema:
            // one not populated cannot be read at all until it is refreshed
            d.value("populated", a.populated(), b.populated());
        });
        changes.compare(withoutSerialsOfUnmatchedTables(before, unmatched), withoutSerialsOfUnmatchedTables(after, unmatched),
                s -> Subject.inSchema(SubjectKind.SEQUENCE, s.name()), RelationComparison::compareSequences);
    }

    static Subject subject(View view) {
        return Subject.inSchema(view.materialized() ? SubjectKind.MATERIALIZED_VIEW : SubjectKind.VIEW, view.name());
    }

    private static List<Sequence> withoutSerialsOfUnmatchedTables(Catalog catalog, UnmatchedRelations unmatched) {
        return catalog.sequences().stream()
                .filter(s -> s.ownedBy().isEmpty() || !unmatched.contains(s.ownedBy().get().table()))
                .toList();
    }

    private static void compareSequences(Sequence a, Sequence b, Differences differences) {
        differences.value("data type", a.dataType(), b.dataType());
        differences.value("start", a.start(), b.start());
        differences.value("increment", a.increment(), b.increment());
        differences.value("minimum", a.minValue(), b.minValue());
        differences.value("maximum", a.maxValue(), b.maxValue());
        differences.value("cache", a.cache(), b.cache());
        differences.value("cycle", a.cycle(), b.cycle());
        differences.value("unlogged", a.unlogged(), b.unlogged());
        differences.value("owned by", a.ownedBy().map(RelationComparison::column), b.ownedBy().map(RelationComparison::column));
    }

    private static String column(Sequence.ColumnRef ref) {
        return ref.table().sql() + "." + Identifiers.quote(ref.column());
    }
}
