package io.dbsnap.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The report as JSON, for tools. The shape is stable: every key below is always written, in this
 * order, with {@code null} where a value is absent; later versions may add keys (readers should
 * ignore keys they do not know) but will not rename, remove or retype these without a new
 * {@code format} number.
 * <pre>{@code
 * {
 *   "format": 1,
 *   "before": "20250301_120000_pre_migration",     // the labels of the two sides
 *   "after": "live",
 *   "summary": {
 *     "text": "1 column removed (risk), 1 column changed",
 *     "added": 0,                                  // changes by action
 *     "removed": 1,
 *     "changed": 1,
 *     "risky": 1,                                  // changes with at least one risk
 *     "data_changes": 0
 *   },
 *   "changes": [                                   // in report order: schema, kind, table, name
 *     {
 *       "action": "removed",                       // added | removed | changed
 *       "kind": "column",                          // SubjectKind in lower case: table, column, enum, ...
 *       "schema": "shop",                          // "" for database-wide objects
 *       "table": "orders",                         // the table of a column, constraint, trigger,
 *                                                  // policy or rule; null otherwise
 *       "name": "note",                            // unquoted; for comments, owners and privileges
 *                                                  // the object they are on, "TABLE shop.orders"
 *       "signature": null,                         // identity arguments of a function, procedure,
 *                                                  // aggregate or operator; a security label's provider
 *       "object": "column shop.orders.note",       // the kind and name as reports print them
 *       "differences": [],                         // what differs; for comments, owners and
 *                                                  // privileges added or removed, what they held
 *       "risks": [
 *         {"code": "column_removed", "reason": "column dropped: its values are lost"}
 *       ]
 *     },
 *     {
 *       "action": "changed", "kind": "column", "schema": "shop", "table": "orders", "name": "amount",
 *       "signature": null, "object": "column shop.orders.amount",
 *       "differences": [
 *         {"aspect": "type", "before": "numeric(12,2)", "after": "numeric(14,2)"}  // before or after
 *       ],                                                                         // null: added, removed
 *       "risks": []
 *     }
 *   ],
 *   "data_changes": [                              // empty unless both sides have data
 *     {
 *       "table": "shop.orders",                    // as the snapshots name it, quoted as SQL
 *       "schema": "shop",
 *       "change": "rows_changed",                  // rows_changed | contents_changed | added | removed
 *       "rows_before": 120,                        // null when only the second side has the rows
 *       "rows_after": 130                          // null when only the first side has the rows
 *     }
 *   ]
 * }
 * }</pre>
 * Risk codes are those of {@link Risk} in lower case, kinds those of {@link SubjectKind}. The
 * text is UTF-8 JSON indented by two spaces, with a final line end.
 */
public final class DiffJson {

    /** The shape written; see the class comment. */
    public static final int FORMAT = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private DiffJson() {
    }

    /** The report as JSON of the shape in the class comment, indented, with a final line end. */
    public static String render(DiffReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("before", report.before());
        root.put("after", report.after());
        root.set("summary", summary(report));
        ArrayNode changes = root.putArray("changes");
        report.changes().forEach(change -> changes.add(change(change)));
        ArrayNode data = root.putArray("data_changes");
        report.dataChanges().forEach(change -> data.add(dataChange(change)));
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be printed", e);
        }
    }

    private static ObjectNode summary(DiffReport report) {
        ObjectNode summary = NODES.objectNode();
        summary.put("text", report.summary());
        for (Change.Action action : Change.Action.values()) {
            summary.put(action.word(), report.changes().stream().filter(c -> c.action() == action).count());
        }
        summary.put("risky", report.risky().size());
        summary.put("data_changes", report.dataChanges().size());
        return summary;
    }

    private static ObjectNode change(Change change) {
        Subject subject = change.subject();
        ObjectNode node = NODES.objectNode();
        node.put("action", change.action().word());
        node.put("kind", subject.kind().code());
        node.put("schema", subject.schema());
        put(node, "table", subject.table());
        node.put("name", subject.name());
        put(node, "signature", subject.signature());
        node.put("object", subject.toString());
        ArrayNode differences = node.putArray("differences");
        for (Difference difference : change.differences()) {
            ObjectNode d = differences.addObject();
            d.put("aspect", difference.aspect());
            put(d, "before", difference.before());
            put(d, "after", difference.after());
        }
        ArrayNode risks = node.putArray("risks");
        for (Risk risk : change.risks()) {
            risks.addObject().put("code", risk.code()).put("reason", risk.reason());
        }
        return node;
    }

    private static ObjectNode dataChange(DataChange change) {
        ObjectNode node = NODES.objectNode();
        node.put("table", change.table());
        node.put("schema", change.schema());
        node.put("change", change.kind().code());
        if (change.rowsBefore().isPresent()) {
            node.put("rows_before", change.rowsBefore().get());
        } else {
            node.putNull("rows_before");
        }
        if (change.rowsAfter().isPresent()) {
            node.put("rows_after", change.rowsAfter().get());
        } else {
            node.putNull("rows_after");
        }
        return node;
    }

    private static void put(ObjectNode node, String key, Optional<String> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.putNull(key);
        }
    }
}
