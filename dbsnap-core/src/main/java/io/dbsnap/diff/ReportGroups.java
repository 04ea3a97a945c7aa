package io.dbsnap.diff;

import io.dbsnap.catalog.Identifiers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's changes grouped as the human and Markdown reports show them: by schema
 * (database-wide objects first), then by kind, each group in report order.
 */
final class ReportGroups {

    private ReportGroups() {
    }

    /** Schema to kind to changes; the schema {@code ""} holds database-wide objects. */
    static Map<String, Map<SubjectKind, List<Change>>> of(List<Change> changes) {
        Map<String, Map<SubjectKind, List<Change>>> groups = new LinkedHashMap<>();
        for (Change change : changes) {
            groups.computeIfAbsent(change.subject().schema(), s -> new EnumMap<>(SubjectKind.class))
                    .computeIfAbsent(change.subject().kind(), k -> new ArrayList<>())
                    .add(change);
        }
        return groups;
    }

    /** How a schema group is headed. */
    static String heading(String schema) {
        return schema.isEmpty() ? "database-wide objects" : "schema " + Identifiers.quote(schema);
    }

    /** The data changes by schema. */
    static Map<String, List<DataChange>> ofData(List<DataChange> changes) {
        Map<String, List<DataChange>> groups = new LinkedHashMap<>();
        changes.forEach(c -> groups.computeIfAbsent(c.schema(), s -> new ArrayList<>()).add(c));
        return groups;
    }

    /** {@code ~} for rows that changed, {@code +} and {@code -} for rows only one side has. */
    static char marker(DataChange change) {
        return switch (change.kind()) {
            case ADDED -> '+';
            case REMOVED -> '-';
            default -> '~';
        };
    }
}
