package io.dbsnap.diff;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Changes in one line each, for tests to state the exact set they expect:
 * {@code ~ column shop.orders.amount {type} [type_narrowed]}: the marker, the object, the
 * aspects that differ, the risk codes.
 */
final class ChangeLines {

    private ChangeLines() {
    }

    static List<String> of(DiffReport report) {
        return report.changes().stream().map(ChangeLines::of).toList();
    }

    static String of(Change change) {
        String aspects = change.action() != Change.Action.CHANGED ? ""
                : change.differences().stream().map(Difference::aspect).distinct()
                        .collect(Collectors.joining(", ", " {", "}"));
        String risks = change.risks().isEmpty() ? ""
                : change.risks().stream().map(Risk::code).collect(Collectors.joining(", ", " [", "]"));
        return change.action().marker() + " " + change.subject() + aspects + risks;
    }
}
