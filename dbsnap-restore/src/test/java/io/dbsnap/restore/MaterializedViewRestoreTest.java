package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog records whether a materialized view is populated, and a schema-only snapshot of a
 * populated one is restored two ways: over empty tables its script runs as it is and leaves the
 * view unpopulated, as {@code pg_dump --schema-only} does, which verification expects; over tables
 * with rows the schema rollback's plan refreshes it, as the snapshot recorded it. The server's
 * {@code relispopulated} is the oracle.
 */
class MaterializedViewRestoreTest {

    private static final String SCHEMA = """
            CREATE TABLE public.orders (id int PRIMARY KEY, total int);
            CREATE MATERIALIZED VIEW public.totals AS SELECT count(*) AS n FROM public.orders;
            """;

    @Test
    void aSchemaOnlyScriptLeavesAPopulatedViewUnpopulatedAndVerificationExpectsIt(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("mv_restore_script")) {
            db.execute(SCHEMA);
            StoredSnapshot snapshot = schemaOnlySnapshot(new SnapshotStore(dir), db);
            db.execute("CREATE TABLE public.added_later (id int);");

            RestoreReport report;
            try (Connection c = db.connect()) {
                report = new SnapshotRestorer(new SnapshotStore(dir), RestoreOptions.defaults().withoutSafetySnapshot())
                        .restore(c, snapshot);
            }

            assertThat(populated(db)).isFalse();
            assertThat(report.verification().differences()).isEmpty();
        }
    }

    @Test
    void aSchemaRollbackOverRowsRefreshesTheViewAsTheSnapshotRecordedIt(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("mv_restore_rollback")) {
            db.execute(SCHEMA + "INSERT INTO public.orders VALUES (1, 10), (2, 20);");
            StoredSnapshot snapshot = schemaOnlySnapshot(new SnapshotStore(dir), db);
            db.execute("REFRESH MATERIALIZED VIEW public.totals WITH NO DATA;");

            RestoreReport report;
            try (Connection c = db.connect()) {
                report = new SnapshotRestorer(new SnapshotStore(dir), RestoreOptions.defaults().withoutSafetySnapshot())
                        .restore(c, snapshot);
            }

            assertThat(populated(db)).isTrue();
            assertThat(report.verification().differences()).isEmpty();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT n FROM public.totals")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    private static StoredSnapshot schemaOnlySnapshot(SnapshotStore store, TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return store.write("schema", new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaOnly())
                    .snapshotContent(c));
        }
    }

    private static boolean populated(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relispopulated FROM pg_class WHERE oid = 'public.totals'::regclass")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
