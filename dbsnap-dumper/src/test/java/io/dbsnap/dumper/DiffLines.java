package io.dbsnap.dumper;

import io.dbsnap.diff.Change;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.Difference;
import io.dbsnap.diff.Risk;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A diff's changes in one line each, for tests to state the exact set they expect:
 * {@code ~ column shop.orders.amount {type} [type_narrowed]}: the marker, the object, the
 * aspects that differ (of a changed object), the risk codes.
 */
final class DiffLines {

    private DiffLines() {
    }

    static List<String> of(DiffReport report) {
        return report.changes().stream().map(DiffLines::of).toList();
    }

    private static String of(Change change) {
        String aspects = change.action() != Change.Action.CHANGED ? ""
                : change.differences().stream().map(Difference::aspect).distinct()
                        .collect(Collectors.joining(", ", " {", "}"));
        String risks = change.risks().isEmpty() ? ""
                : change.risks().stream().map(Risk::code).collect(Collectors.joining(", ", " [", "]"));
        return change.action().marker() + " " + change.subject() + aspects + risks;
    }
}
