package io.dbsnap.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as Markdown (GitHub flavour), for pull request comments: a heading, the summary
 * line in bold, then per schema a table with one row per change:
 * <pre>
 * | | kind | object | details | risk |
 * |:-:|---|---|---|---|
 * | - | column | `shop.orders.note` |  | ⚠️ column dropped |
 * | ~ | column | `shop.orders.amount` | type: `numeric(12,2)` → `numeric(8,2)` | ⚠️ type narrowed |
 * </pre>
 * Long values (a view's query, a function's body) are named in the table and shown below it as
 * a {@code diff} code block in a collapsed {@code <details>} section; the data changes get a
 * table of their own.
 */
public final class DiffMarkdown {

    private static final String RISK_MARK = "⚠️ ";

    private DiffMarkdown() {
    }

    /** The report as GitHub-flavoured Markdown. */
    public static String render(DiffReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### Schema diff: ").append(code(report.before())).append(" → ").append(code(report.after()))
                .append("\n\n");
        out.append("**").append(cell(report.summary())).append("**\n");
        long risky = report.risky().size();
        if (risky > 0) {
            out.append('\n').append(RISK_MARK).append("**").append(risky).append(risky == 1 ? " change" : " changes")
                    .append(" can lose data or break callers.**\n");
        }
        for (Map.Entry<String, Map<SubjectKind, List<Change>>> schema : ReportGroups.of(report.changes()).entrySet()) {
            out.append("\n#### ").append(schema.getKey().isEmpty() ? "Database-wide objects"
                    : "Schema " + code(schema.getKey())).append("\n\n");
            out.append("| | kind | object | details | risk |\n|:-:|---|---|---|---|\n");
            List<String> longValues = new ArrayList<>();
            schema.getValue().values().forEach(changes -> changes.forEach(change -> row(out, change, longValues)));
            longValues.forEach(out::append);
        }
        if (!report.dataChanges().isEmpty()) {
            out.append("\n#### Data\n\n| | table | change | rows before | rows after |\n|:-:|---|---|--:|--:|\n");
            for (DataChange c : report.dataChanges()) {
                out.append("| ").append(ReportGroups.marker(c)).append(" | ").append(code(c.table())).append(" | ")
                        .append(c.kind().code().replace('_', ' ')).append(" | ")
                        .append(c.rowsBefore().map(String::valueOf).orElse("")).append(" | ")
                        .append(c.rowsAfter().map(String::valueOf).orElse("")).append(" |\n");
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Change change, List<String> longValues) {
        List<String> details = new ArrayList<>();
        for (Difference difference : change.differences()) {
            if (difference.isLong()) {
                details.add(cell(difference.toString()) + " (below)");
                longValues.add(longValue(change, difference));
            } else {
                details.add(detail(difference));
            }
        }
        out.append("| ").append(change.action().marker())
                .append(" | ").append(change.subject().kind().singular())
                .append(" | ").append(code(change.subject().displayName()))
                .append(" | ").append(String.join("<br>", details))
                .append(" | ").append(change.risks().stream().map(r -> RISK_MARK + cell(r.title())).collect(Collectors.joining("<br>")))
                .append(" |\n");
    }

    /** {@code type: `integer` → `bigint`}, {@code value added: `happy`}. */
    private static String detail(Difference difference) {
        String aspect = cell(difference.aspect());
        if (difference.before().isEmpty()) {
            return aspect + " added: " + code(difference.after().get());
        }
        if (difference.after().isEmpty()) {
            return aspect + " removed: " + code(difference.before().get());
        }
        return aspect + ": " + code(difference.before().get()) + " → " + code(difference.after().get());
    }

    /** A collapsed section with the line diff of a long value. */
    private static String longValue(Change change, Difference difference) {
        List<String> lines = LineDiff.of(difference);
        String fence = fenceFor(lines);
        return "\n<details><summary>" + html(change.subject().toString()) + ": " + html(difference.aspect())
                + "</summary>\n\n" + fence + "diff\n" + String.join("\n", lines) + "\n" + fence + "\n\n</details>\n";
    }

    /** A code span that survives backticks and pipes inside: {@code `a|b`} is written {@code `a\|b`}. */
    static String code(String text) {
        String fence = text.contains("`") ? "``" : "`";
        String pad = text.contains("`") ? " " : "";
        return fence + pad + cell(text) + pad + fence;
    }

    /** Text safe inside a table cell: pipes escaped, line breaks as {@code <br>}. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }

    /** A code fence longer than any run of backticks in the block. */
    private static String fenceFor(List<String> lines) {
        int longest = 0;
        for (String line : lines) {
            int run = 0;
            for (int i = 0; i < line.length(); i++) {
                run = line.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
