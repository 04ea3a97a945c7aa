package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.View;
import io.dbsnap.store.TableFacts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The text, Markdown and JSON renderings of one report: the sample catalog with its column
 * {@code note} dropped, {@code amount} widened, its view's query changed, its policy dropped, and
 * one more row in {@code shop.orders}.
 */
class RenderersTest {

    private final DiffReport report = report();

    @Test
    void theTextReportIsGroupedBySchemaAndKind() {
        assertThat(report.toText()).isEqualTo("""
                Diff of before → after
                1 column removed (risk), 1 column changed, 1 view changed, 1 policy removed (risk), 1 table with other row counts

                schema shop
                  columns
                    ~ column shop.orders.amount
                        type: numeric(12,2) → numeric(14,2)
                    - column shop.orders.note  [risk: column dropped]
                        ! column dropped: its values are lost
                  views
                    ~ view shop.order_notes
                        definition changed:
                          @@ -2,3 +2,3 @@
                               orders.note
                              FROM shop.orders
                          -  WHERE orders.amount > 0::numeric
                          +  WHERE orders.amount > 10::numeric
                  policies
                    - policy own_rows on shop.orders  [risk: row-level security policy removed]
                        ! row-level security policy removed: rows it allowed are hidden, or rows it restricted are exposed

                data
                  schema shop
                    ~ shop.orders: 1 → 2 rows
                """);
    }

    @Test
    void theMarkdownReportHasARowPerChangeWithItsRisk() {
        String markdown = report.toMarkdown();

        assertThat(markdown).startsWith("### Schema diff: `before` → `after`\n\n"
                + "**1 column removed (risk), 1 column changed, 1 view changed, 1 policy removed (risk), "
                + "1 table with other row counts**\n\n⚠️ **2 changes can lose data or break callers.**\n\n#### Schema `shop`\n");
        assertThat(markdown.lines()).contains(
                "| - | column | `shop.orders.note` |  | ⚠️ column dropped |",
                "| ~ | column | `shop.orders.amount` | type: `numeric(12,2)` → `numeric(14,2)` |  |",
                "| ~ | view | `shop.order_notes` | definition changed (below) |  |",
                "| - | policy | `own_rows on shop.orders` |  | ⚠️ row-level security policy removed |",
                "<details><summary>view shop.order_notes: definition</summary>",
                "-  WHERE orders.amount > 0::numeric",
                "+  WHERE orders.amount > 10::numeric",
                "| ~ | `shop.orders` | rows changed | 1 | 2 |");
        assertThat(markdown).contains("```diff\n@@ -2,3 +2,3 @@\n     orders.note\n");
    }

    @Test
    void markdownCellsSurvivePipesAndBackticks() {
        assertThat(DiffMarkdown.code("a|b")).isEqualTo("`a\\|b`");
        assertThat(DiffMarkdown.code("x`y")).isEqualTo("`` x`y ``");
    }

    @Test
    void theJsonReportHasTheDocumentedShape() throws Exception {
        JsonNode root = JsonMapper.builder().build().readTree(report.toJson());

        assertThat(names(root)).containsExactly("format", "before", "after", "summary", "changes", "data_changes");
        assertThat(root.get("format").intValue()).isEqualTo(1);
        assertThat(root.get("before").textValue()).isEqualTo("before");
        assertThat(root.get("after").textValue()).isEqualTo("after");

        JsonNode summary = root.get("summary");
        assertThat(names(summary)).containsExactly("text", "added", "removed", "changed", "risky", "data_changes");
        assertThat(summary.get("text").textValue()).isEqualTo(report.summary());
        assertThat(summary.get("added").intValue()).isZero();
        assertThat(summary.get("removed").intValue()).isEqualTo(2);
        assertThat(summary.get("changed").intValue()).isEqualTo(2);
        assertThat(summary.get("risky").intValue()).isEqualTo(2);
        assertThat(summary.get("data_changes").intValue()).isEqualTo(1);

        JsonNode changes = root.get("changes");
        assertThat(changes).hasSize(4);
        JsonNode amount = changes.get(0);
        assertThat(names(amount)).containsExactly("action", "kind", "schema", "table", "name", "signature", "object",
                "differences", "risks");
        assertThat(amount.get("action").textValue()).isEqualTo("changed");
        assertThat(amount.get("kind").textValue()).isEqualTo("column");
        assertThat(amount.get("schema").textValue()).isEqualTo("shop");
        assertThat(amount.get("table").textValue()).isEqualTo("orders");
        assertThat(amount.get("name").textValue()).isEqualTo("amount");
        assertThat(amount.get("signature").isNull()).isTrue();
        assertThat(amount.get("object").textValue()).isEqualTo("column shop.orders.amount");
        assertThat(amount.get("differences").get(0).get("aspect").textValue()).isEqualTo("type");
        assertThat(amount.get("differences").get(0).get("before").textValue()).isEqualTo("numeric(12,2)");
        assertThat(amount.get("differences").get(0).get("after").textValue()).isEqualTo("numeric(14,2)");
        assertThat(amount.get("risks")).isEmpty();

        JsonNode note = changes.get(1);
        assertThat(note.get("action").textValue()).isEqualTo("removed");
        assertThat(note.get("risks").get(0).get("code").textValue()).isEqualTo("column_removed");
        assertThat(note.get("risks").get(0).get("reason").textValue()).isEqualTo("column dropped: its values are lost");
        JsonNode view = changes.get(2);
        assertThat(view.get("kind").textValue()).isEqualTo("view");
        assertThat(view.get("table").isNull()).isTrue();
        JsonNode policy = changes.get(3);
        assertThat(policy.get("kind").textValue()).isEqualTo("policy");
        assertThat(policy.get("name").textValue()).isEqualTo("own_rows");
        assertThat(policy.get("risks").get(0).get("code").textValue()).isEqualTo("policy_removed");

        JsonNode data = root.get("data_changes").get(0);
        assertThat(names(data)).containsExactly("table", "schema", "change", "rows_before", "rows_after");
        assertThat(data.get("table").textValue()).isEqualTo("shop.orders");
        assertThat(data.get("change").textValue()).isEqualTo("rows_changed");
        assertThat(data.get("rows_before").longValue()).isEqualTo(1);
        assertThat(data.get("rows_after").longValue()).isEqualTo(2);
    }

    @Test
    void aFunctionInJsonHasItsSignatureAndAbsentValuesAreNull() throws Exception {
        Catalog after = Catalogs.without(SampleCatalog.everyKind(), SampleCatalog.FUNCTION);
        DiffReport removed = SchemaDiff.compare(DiffSide.of("a", SampleCatalog.everyKind()),
                DiffSide.of("b", after).withTables(List.of()));

        JsonNode change = JsonMapper.builder().build().readTree(removed.toJson()).get("changes").get(0);

        assertThat(change.get("kind").textValue()).isEqualTo("function");
        assertThat(change.get("signature").textValue()).isEqualTo("i integer");
        assertThat(change.get("object").textValue()).isEqualTo("function shop.add_one(i integer)");
    }

    @Test
    void anEmptyReportSaysSo() {
        DiffReport empty = SchemaDiff.compare(SampleCatalog.everyKind(), SampleCatalog.everyKind());

        assertThat(empty.toText()).isEqualTo("Diff of before → after\nno changes\n");
        assertThat(empty.toMarkdown()).contains("**no changes**").doesNotContain("| kind |");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static DiffReport report() {
        Catalog before = SampleCatalog.everyKind();
        Column wider = Column.of("amount", "numeric(14,2)", true, Optional.empty());
        Catalog after = Catalogs.replace(before, SampleCatalog.TABLE, t -> new Table(t.name(), List.of(SampleCatalog.ID, wider),
                t.constraints(), t.unlogged(), t.options(), t.partitionKey(), t.partitionOf(), t.partitionBound(), t.ofType(),
                t.inherits(), t.replicaIdentity(), t.replicaIndex(), t.rowSecurity(), t.forceRowSecurity()));
        after = Catalogs.replace(after, SampleCatalog.VIEW, v -> new View(v.name(), false,
                v.definition().replace("> 0", "> 10"), v.options(), v.checkOption()));
        after = Catalogs.without(after, SampleCatalog.POLICY);
        return SchemaDiff.compare(
                DiffSide.of("before", before).withTables(List.of(new TableFacts("shop.orders", 1, "a".repeat(64)))),
                DiffSide.of("after", after).withTables(List.of(new TableFacts("shop.orders", 2, "b".repeat(64)))));
    }
}
