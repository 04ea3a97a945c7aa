package io.dbsnap.diff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one-line summary of a report: changes counted by kind and action in report order, those
 * that carry a risk marked, then the data changes:
 * {@code 3 tables changed, 1 policy removed (risk), 2 columns changed (1 at risk), 1 table with other row counts}.
 */
final class SummaryLine {

    private SummaryLine() {
    }

    static String of(DiffReport report) {
        List<String> parts = new ArrayList<>();
        for (SubjectKind kind : SubjectKind.values()) {
            for (Change.Action action : Change.Action.values()) {
                List<Change> these = report.changes().stream()
                        .filter(c -> c.subject().kind() == kind && c.action() == action).toList();
                if (!these.isEmpty()) {
                    long risky = these.stream().filter(Change::isRisky).count();
                    String risk = risky == 0 ? "" : risky == these.size() ? " (risk)" : " (" + risky + " at risk)";
                    parts.add(these.size() + " " + kind.label(these.size()) + " " + action.word() + risk);
                }
            }
        }
        Map<DataChange.Kind, Integer> data = new EnumMap<>(DataChange.Kind.class);
        report.dataChanges().forEach(c -> data.merge(c.kind(), 1, Integer::sum));
        data.forEach((kind, count) -> parts.add(count + (count == 1 ? " table" : " tables") + " with " + switch (kind) {
            case ROWS_CHANGED -> "other row counts";
            case CONTENTS_CHANGED -> "changed contents";
            case ADDED -> "rows only in " + report.after();
            case REMOVED -> "rows only in " + report.before();
        }));
        return parts.isEmpty() ? "no changes" : String.join(", ", parts);
    }
}
