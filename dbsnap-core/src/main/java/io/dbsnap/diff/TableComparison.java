package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares tables and, of the tables in both catalogs, their columns and constraints, each a
 * subject of its own. A table added or removed is one change: its columns and constraints come
 * and go with it.
 */
final class TableComparison {

    private TableComparison() {
    }

    static void compare(Catalog before, Catalog after, ChangeList changes) {
        changes.compare(before.tables(), after.tables(), t -> Subject.inSchema(SubjectKind.TABLE, t.name()),
                TableComparison::compareTables);
        Map<QualifiedName, Table> second = new HashMap<>();
        after.tables().forEach(t -> second.put(t.name(), t));
        for (Table a : before.tables()) {
            Table b = second.get(a.name());
            if (b != null && !a.equals(b)) {
                changes.compare(a.columns(), b.columns(), c -> Subject.onTable(SubjectKind.COLUMN, a.name(), c.name()),
                        TableComparison::compareColumns);
                changes.compare(a.constraints(), b.constraints(),
                        c -> Subject.onTable(SubjectKind.CONSTRAINT, a.name(), c.name()), TableComparison::compareConstraints);
            }
        }
    }

    private static void compareTables(Table a, Table b, Differences differences) {
        differences.value("unlogged", a.unlogged(), b.unlogged());
        differences.value("options", a.options(), b.options());
        differences.definition("partition key", a.partitionKey(), b.partitionKey());
        differences.value("partition of", a.partitionOf(), b.partitionOf());
        differences.definition("partition bound", a.partitionBound(), b.partitionBound());
        differences.value("of type", a.ofType(), b.ofType());
        differences.value("inherits", a.inherits(), b.inherits());
        differences.value("replica identity", replicaIdentity(a.replicaIdentity()), replicaIdentity(b.replicaIdentity()));
        differences.value("replica identity index", a.replicaIndex(), b.replicaIndex());
        differences.value("cluster index", a.clusterIndex(), b.clusterIndex());
        differences.value("row security", a.rowSecurity(), b.rowSecurity());
        if (a.rowSecurity() && !b.rowSecurity()) {
            differences.risk(Risk.RLS_DISABLED);
        }
        differences.value("force row security", a.forceRowSecurity(), b.forceRowSecurity());
        differences.value("access method", a.accessMethod(), b.accessMethod());
        if (a.forceRowSecurity() && !b.forceRowSecurity()) {
            differences.risk(Risk.RLS_NO_LONGER_FORCED);
        }
        differences.value("column order", commonColumnOrder(a, b), commonColumnOrder(b, a));
    }

    /**
     * The columns of {@code table} that {@code other} has too, in {@code table}'s order: a column
     * added or dropped is a change of its own, a column moved (dropped and added back) is this one.
     */
    private static List<String> commonColumnOrder(Table table, Table other) {
        Set<String> otherColumns = new HashSet<>();
        other.columns().forEach(c -> otherColumns.add(c.name()));
        return table.columns().stream().map(Column::name).filter(otherColumns::contains).toList();
    }

    private static void compareColumns(Column a, Column b, Differences differences) {
        differences.value("type", a.type(), b.type());
        if (!a.type().equals(b.type())) {
            TypeWidth.riskOf(a.type(), b.type()).ifPresent(differences::risk);
        }
        differences.value("collation", a.collation(), b.collation());
        differences.value("not null", a.notNull(), b.notNull());
        if (!a.notNull() && b.notNull()) {
            differences.risk(Risk.NOT_NULL_ADDED);
        }
        differences.value("not null constraint", a.notNullName(), b.notNullName());
        differences.definition(a.generated() == Column.Generated.NONE ? "default" : "generation expression",
                a.defaultValue(), b.defaultValue());
        differences.value("generated", a.generated(), b.generated());
        differences.value("identity", a.identity(), b.identity());
        differences.value("identity sequence", a.identitySequence().map(TableComparison::sequenceOptions),
                b.identitySequence().map(TableComparison::sequenceOptions));
        differences.value("local", a.local(), b.local());
        differences.value("statistics target", a.statisticsTarget(), b.statisticsTarget());
        differences.value("options", a.options(), b.options());
        differences.value("storage", a.storage(), b.storage());
        differences.value("compression", a.compression(), b.compression());
    }

    private static void compareConstraints(Constraint a, Constraint b, Differences differences) {
        differences.value("table", a.table(), b.table());
        differences.value("type", a.type(), b.type());
        differences.definition("definition", a.definition(), b.definition());
        differences.value("local", a.local(), b.local());
        differences.value("validated", a.validated(), b.validated());
    }

    /** An identity column's sequence in one line, as {@code CREATE SEQUENCE} would state it. */
    static String sequenceOptions(Sequence s) {
        return s.name().sql() + " AS " + s.dataType() + " START " + s.start() + " INCREMENT " + s.increment()
                + " MINVALUE " + s.minValue() + " MAXVALUE " + s.maxValue() + " CACHE " + s.cache()
                + (s.cycle() ? " CYCLE" : " NO CYCLE") + (s.unlogged() ? " UNLOGGED" : "")
                + s.ownedBy().map(o -> " OWNED BY " + o.table().sql() + "." + Identifiers.quote(o.column()))
                        .orElse("");
    }

    private static Optional<String> replicaIdentity(String code) {
        return Optional.of(switch (code) {
            case "d" -> "default";
            case "n" -> "nothing";
            case "f" -> "full";
            case "i" -> "index";
            default -> code;
        });
    }
}
