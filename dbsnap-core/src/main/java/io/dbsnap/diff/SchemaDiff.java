package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import java.util.List;

/**
 * What differs between two catalogs: objects of every kind in the model added, removed or
 * changed, matched by identity (schema and name; functions by their argument types too), with
 * the aspects that changed and the risks of each change. With table facts on both sides, also
 * which tables' rows differ.
 *
 * <pre>{@code
 * DiffReport report = SchemaDiff.compare(
 *         DiffSide.of(store, store.list().get(1)),                       // a snapshot: its catalog.json
 *         DiffSide.of("live", CatalogReader.allSchemas().read(connection))); // or a live database
 * if (report.hasRisks()) {
 *     log.warn("Risky changes:\n{}", report.toText());
 * }
 * }</pre>
 *
 * <p>Definitions are compared as the server normalizes them ({@code pg_get_viewdef},
 * {@code pg_get_expr}, ...), and where it keeps text as written (function bodies in SQL and
 * PL/pgSQL) without regard to whitespace outside literals, so re-indenting is no change.
 * Owners and privileges are compared when both catalogs recorded them and the options ask for
 * it. What lives on a table (columns, constraints, indexes, triggers, policies, comments,
 * grants) comes and goes with the table: a dropped table is one change.
 *
 * <p>No server is involved: the diff works on catalogs, read from snapshots' files or from
 * databases beforehand.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The structural diff of two catalogs, labelled {@code before} and {@code after}. */
    public static DiffReport compare(Catalog before, Catalog after) {
        return compare(DiffSide.of("before", before), DiffSide.of("after", after));
    }

    /** The diff of two sides: structure, and rows when both sides have table facts. */
    public static DiffReport compare(DiffSide before, DiffSide after) {
        return compare(before, after, DiffOptions.defaults());
    }

    /** The diff of two sides, comparing owners and privileges as {@code options} say. */
    public static DiffReport compare(DiffSide before, DiffSide after, DiffOptions options) {
        Catalog a = before.catalog();
        Catalog b = after.catalog();
        UnmatchedRelations unmatchedRelations = UnmatchedRelations.between(a, b);
        ChangeList changes = new ChangeList();
        DatabaseObjectComparison.compare(a, b, changes);
        OtherKindsComparison.compare(a, b, changes);
        TypeComparison.compare(a, b, changes);
        RoutineComparison.compare(a, b, changes);
        TableComparison.compare(a, b, changes);
        RelationComparison.compare(a, b, unmatchedRelations, changes);
        TableObjectComparison.compare(a, b, unmatchedRelations, changes);
        // after every object: an added or removed object's comments and grants are part of its change
        UnmatchedTargets unmatchedTargets = new UnmatchedTargets(changes.changes(), unmatchedRelations);
        AnnotationComparison.compare(a, b, unmatchedTargets, changes);
        AccessComparison.compare(a, b, options, unmatchedTargets, changes);
        List<DataChange> data = DataComparison.compare(before.tables(), after.tables());
        return new DiffReport(before.label(), after.label(), changes.changes(), data);
    }
}
