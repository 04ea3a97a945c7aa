package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.IndexAttachment;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Rule;
import io.dbsnap.catalog.StatisticsObject;
import io.dbsnap.catalog.Trigger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what lives on tables and views apart from columns and constraints: indexes (with the
 * parent index a partition's index is attached to), triggers, rules, policies and statistics
 * objects. Those on a table only one catalog has are left to that table's change.
 */
final class TableObjectComparison {

    private TableObjectComparison() {
    }

    static void compare(Catalog before, Catalog after, UnmatchedRelations unmatched, ChangeList changes) {
        changes.compare(attached(before, unmatched), attached(after, unmatched),
                i -> Subject.inSchema(SubjectKind.INDEX, i.index().name()), (a, b, d) -> {
                    d.value("table", a.index().table(), b.index().table());
                    d.definition("definition", a.index().definition(), b.index().definition());
                    d.value("column statistics", a.index().columnStatistics(), b.index().columnStatistics());
                    d.value("attached to", a.parent(), b.parent());
                });
        changes.compare(unmatched.without(before.triggers(), Trigger::table), unmatched.without(after.triggers(), Trigger::table),
                t -> Subject.onTable(SubjectKind.TRIGGER, t.table(), t.name()), TableObjectComparison::compareTriggers);
        changes.compare(unmatched.without(before.rules(), Rule::table), unmatched.without(after.rules(), Rule::table),
                r -> Subject.onTable(SubjectKind.RULE, r.table(), r.name()), (a, b, d) -> {
                    d.definition("definition", a.definition(), b.definition());
                    d.value("enabled", enabledState(a.enabled()), enabledState(b.enabled()));
                });
        changes.compare(unmatched.without(before.policies(), Policy::table), unmatched.without(after.policies(), Policy::table),
                p -> Subject.onTable(SubjectKind.POLICY, p.table(), p.name()), TableObjectComparison::comparePolicies);
        changes.compare(unmatched.without(before.statistics(), StatisticsObject::table),
                unmatched.without(after.statistics(), StatisticsObject::table),
                s -> Subject.inSchema(SubjectKind.STATISTICS, s.name()), (a, b, d) -> {
                    d.value("table", a.table(), b.table());
                    d.definition("definition", a.definition(), b.definition());
                    d.value("statistics target", a.statisticsTarget(), b.statisticsTarget());
                });
    }

    private static void compareTriggers(Trigger a, Trigger b, Differences differences) {
        Optional<TriggerDefinition> first = TriggerDefinition.parse(a);
        Optional<TriggerDefinition> second = TriggerDefinition.parse(b);
        if (first.isPresent() && second.isPresent()) {
            TriggerDefinition x = first.get();
            TriggerDefinition y = second.get();
            differences.value("timing", x.timing(), y.timing());
            differences.value("events", x.events(), y.events());
            differences.value("options", x.options().isEmpty() ? Optional.empty() : Optional.of(x.options()),
                    y.options().isEmpty() ? Optional.empty() : Optional.of(y.options()));
            differences.value("level", x.level(), y.level());
            differences.definition("condition", x.condition(), y.condition());
            differences.definition("function", x.function(), y.function());
        } else {
            differences.definition("definition", a.definition(), b.definition());
        }
        differences.value("enabled", enabledState(a.enabled()), enabledState(b.enabled()));
        differences.value("copied from", a.cloneOf(), b.cloneOf());
    }

    private static void comparePolicies(Policy a, Policy b, Differences differences) {
        differences.value("permissive", a.permissive(), b.permissive());
        differences.value("command", a.command(), b.command());
        differences.members("role", a.roles(), b.roles());
        differences.definition("using", a.using(), b.using());
        differences.definition("with check", a.withCheck(), b.withCheck());
    }

    /** {@code pg_trigger.tgenabled} and {@code pg_rewrite.ev_enabled} in words. */
    static String enabledState(String code) {
        return switch (code) {
            case "O" -> "enabled";
            case "D" -> "disabled";
            case "R" -> "replica only";
            case "A" -> "always";
            default -> code;
        };
    }

    /** An index with the index of the partitioned table it is attached to, if it is a partition's. */
    private record AttachedIndex(Index index, Optional<QualifiedName> parent) {
    }

    private static List<AttachedIndex> attached(Catalog catalog, UnmatchedRelations unmatched) {
        Map<QualifiedName, QualifiedName> parents = new HashMap<>();
        for (IndexAttachment attachment : catalog.indexAttachments()) {
            parents.put(attachment.child(), attachment.parent());
        }
        return unmatched.without(catalog.indexes(), Index::table).stream()
                .map(i -> new AttachedIndex(i, Optional.ofNullable(parents.get(i.name())))).toList();
    }
}
