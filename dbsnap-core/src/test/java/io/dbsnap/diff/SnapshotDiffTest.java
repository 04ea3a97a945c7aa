package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.store.TableFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diffs of stored snapshots: from their catalog files and metadata, no server. */
class SnapshotDiffTest {

    private static final String DDL_BEFORE = """
            --
            -- dbsnap snapshot: schema and data
            --

            --
            -- pre-data
            --

            CREATE TABLE shop.orders (
                id bigint
            );

            --
            -- data
            --
            COPY shop.orders (id) FROM stdin;
            1
            -- post-data
            \\.

            --
            -- post-data
            --

            CREATE INDEX orders_id ON shop.orders USING btree (id);
            """;

    @TempDir
    Path dir;

    @Test
    void twoSnapshotsWithDataAreComparedFromTheirFiles() {
        SnapshotStore store = new SnapshotStore(dir);
        Catalog before = SampleCatalog.everyKind();
        Catalog after = Catalogs.without(before, SampleCatalog.VIEW);
        StoredSnapshot first = write(store, "before", before, List.of(new TableFacts("shop.orders", 1, "a".repeat(64))),
                DDL_BEFORE, Compression.NONE);
        StoredSnapshot second = write(store, "after", after, List.of(new TableFacts("shop.orders", 2, "b".repeat(64))),
                DDL_BEFORE.replace("id bigint", "id bigint,\n    note text").replace("1\n-- post", "1\n2\n-- post"),
                Compression.GZIP);

        DiffSide a = DiffSide.of(store, first);
        DiffSide b = DiffSide.of(store, second);
        DiffReport report = SchemaDiff.compare(a, b);

        assertThat(a.label()).isEqualTo(first.name().baseName());
        assertThat(a.catalog()).isEqualTo(before);
        assertThat(ChangeLines.of(report)).containsExactly("- view shop.order_notes [view_removed]");
        assertThat(report.dataChanges()).containsExactly(new DataChange("shop.orders", "shop", DataChange.Kind.ROWS_CHANGED,
                Optional.of(1L), Optional.of(2L)));
        assertThat(report.before()).isEqualTo(first.name().baseName());

        // the raw view: the DDL lines only, the COPY rows (one reading like a heading) left out
        assertThat(UnifiedDdlDiff.ofSnapshots(store, first, second)).isEqualTo("""
                --- %s
                +++ %s
                @@ -7,7 +7,8 @@
                 --
                \s
                 CREATE TABLE shop.orders (
                -    id bigint
                +    id bigint,
                +    note text
                 );
                \s
                 --
                """.formatted(first.sqlFile().getFileName(), second.sqlFile().getFileName()));
    }

    @Test
    void aSchemaOnlySnapshotHasNoTableFacts() {
        SnapshotStore store = new SnapshotStore(dir);
        StoredSnapshot snapshot = write(store, "schema", SampleCatalog.everyKind(), List.of(), "SELECT 1;\n", Compression.NONE);

        assertThat(DiffSide.of(store, snapshot).tables()).isEmpty();
    }

    @Test
    void aSnapshotWithoutCatalogCannotBeCompared() {
        SnapshotStore store = new SnapshotStore(dir);
        StoredSnapshot snapshot = store.write("script", out -> {
            out.write("SELECT 1;\n".getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "15.4", SnapshotScope.everything(), List.of());
        });

        assertThatThrownBy(() -> DiffSide.of(store, snapshot)).isInstanceOf(DbSnapException.class)
                .hasMessageContaining("has no catalog file");
    }

    private static StoredSnapshot write(SnapshotStore store, String label, Catalog catalog, List<TableFacts> tables, String sql,
                                        Compression compression) {
        return store.write(label, compression, out -> {
            out.write(sql.getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(tables.isEmpty() ? SnapshotFacts.SCHEMA_ONLY : SnapshotFacts.SCHEMA_AND_DATA, "15.4",
                    SnapshotScope.everything(), tables, Optional.of(catalog));
        });
    }
}
