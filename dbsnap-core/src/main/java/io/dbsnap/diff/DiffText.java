package io.dbsnap.diff;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report for people reading a terminal: a title, the summary line, then the changes grouped
 * by schema and kind, each marked {@code +} added, {@code -} removed or {@code ~} changed, with
 * what differs below it and {@code !} lines saying why a change is risky. Long values (queries,
 * function bodies) are shown as a line diff. The data changes come last.
 * <pre>
 * Diff of 20250301_120000_pre_migration → live
 * 1 table changed (risk), 1 column removed (risk), 1 column changed (risk)
 *
 * schema shop
 *   tables
 *     ~ table shop.orders  [risk: row-level security disabled]
 *         row security: true → false
 *         ! row-level security disabled: every row is visible to everyone with table privileges
 *   columns
 *     - column shop.orders.note  [risk: column dropped]
 *         ! column dropped: its values are lost
 * </pre>
 */
public final class DiffText {

    private static final String INDENT_CHANGE = "    ";
    private static final String INDENT_DETAIL = "        ";

    private DiffText() {
    }

    /** The report as text, lines ending in {@code \n}. */
    public static String render(DiffReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Diff of ").append(report.before()).append(" → ").append(report.after()).append('\n');
        out.append(report.summary()).append('\n');
        for (Map.Entry<String, Map<SubjectKind, List<Change>>> schema : ReportGroups.of(report.changes()).entrySet()) {
            out.append('\n').append(ReportGroups.heading(schema.getKey())).append('\n');
            schema.getValue().forEach((kind, changes) -> {
                out.append("  ").append(kind.plural()).append('\n');
                changes.forEach(change -> change(out, change));
            });
        }
        if (!report.dataChanges().isEmpty()) {
            out.append("\ndata\n");
            ReportGroups.ofData(report.dataChanges()).forEach((schema, changes) -> {
                out.append("  ").append(ReportGroups.heading(schema)).append('\n');
                changes.forEach(c -> out.append(INDENT_CHANGE).append(ReportGroups.marker(c)).append(' ').append(c).append('\n'));
            });
        }
        return out.toString();
    }

    private static void change(StringBuilder out, Change change) {
        out.append(INDENT_CHANGE).append(change);
        if (change.isRisky()) {
            out.append("  [risk: ").append(change.risks().stream().map(Risk::title).collect(Collectors.joining(", ")))
                    .append(']');
        }
        out.append('\n');
        for (Difference difference : change.differences()) {
            out.append(INDENT_DETAIL).append(difference).append(difference.isLong() ? ":" : "").append('\n');
            if (difference.isLong()) {
                longValue(out, difference);
            }
        }
        for (Risk risk : change.risks()) {
            out.append(INDENT_DETAIL).append("! ").append(risk.reason()).append('\n');
        }
    }

    /** A long value as a line diff, or its lines marked {@code +} or {@code -} when one side has none. */
    private static void longValue(StringBuilder out, Difference difference) {
        List<String> lines = LineDiff.of(difference);
        lines.forEach(line -> out.append(INDENT_DETAIL).append("  ").append(line).append('\n'));
    }
}
