package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.store.TableFacts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataChangesTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private final Catalog catalog = SampleCatalog.everyKind();

    @Test
    void rowCountsAndChecksumsTellWhatChanged() {
        DiffSide before = DiffSide.of("before", catalog).withTables(List.of(
                new TableFacts("shop.orders", 120, A), new TableFacts("shop.\"Order Lines\"", 10, A),
                new TableFacts("shop.unchanged", 5, A), new TableFacts("shop.gone", 3, A)));
        DiffSide after = DiffSide.of("after", catalog).withTables(List.of(
                new TableFacts("shop.orders", 130, B), new TableFacts("shop.\"Order Lines\"", 10, B),
                new TableFacts("shop.unchanged", 5, A), new TableFacts("audit.new", 1, B)));

        DiffReport report = SchemaDiff.compare(before, after);

        assertThat(report.changes()).isEmpty();
        assertThat(report.dataChanges()).containsExactly(
                new DataChange("audit.new", "audit", DataChange.Kind.ADDED, Optional.empty(), Optional.of(1L)),
                new DataChange("shop.\"Order Lines\"", "shop", DataChange.Kind.CONTENTS_CHANGED, Optional.of(10L), Optional.of(10L)),
                new DataChange("shop.gone", "shop", DataChange.Kind.REMOVED, Optional.of(3L), Optional.empty()),
                new DataChange("shop.orders", "shop", DataChange.Kind.ROWS_CHANGED, Optional.of(120L), Optional.of(130L)));
        assertThat(report.isEmpty()).isFalse();
        assertThat(report.summary()).isEqualTo("1 table with other row counts, 1 table with changed contents, "
                + "1 table with rows only in after, 1 table with rows only in before");
    }

    @Test
    void withoutDataOnBothSidesThereAreNoDataChanges() {
        DiffSide withData = DiffSide.of("data", catalog).withTables(List.of(new TableFacts("shop.orders", 1, A)));
        DiffSide schemaOnly = DiffSide.of("schema", catalog);

        assertThat(SchemaDiff.compare(withData, schemaOnly).isEmpty()).isTrue();
        assertThat(SchemaDiff.compare(schemaOnly, withData).isEmpty()).isTrue();
    }

    @Test
    void equalRowsAreNoChange() {
        DiffSide one = DiffSide.of("one", catalog).withTables(List.of(new TableFacts("shop.orders", 7, A)));
        DiffSide two = DiffSide.of("two", catalog).withTables(List.of(new TableFacts("shop.orders", 7, A.toUpperCase())));

        assertThat(SchemaDiff.compare(one, two).isEmpty()).isTrue();
    }
}
