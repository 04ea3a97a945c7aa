package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.Change;
import io.dbsnap.diff.DiffOptions;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore's verification and {@link SchemaDiff} give one answer on the same pair of catalogs,
 * the snapshot's and the one read back from the restored database: both "equal" after a faithful
 * restore, both "different", naming the same objects, once something differs. Whether the two
 * databases really are alike is told by {@code pg_dump --schema-only}, the independent oracle.
 */
class VerificationAgreesWithSchemaDiffTest {

    /** The demo schema with a grant, so that privileges are part of what is compared. */
    private static final String SCHEMA = SampleSchemas.demo() + "\nGRANT SELECT ON app.notes TO PUBLIC;\n";

    @Test
    void aFaithfulRestoreIsEqualForBothAndAlteredAfterwardsDifferentForBoth(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("agree_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("agree_dst")) {
            src.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = src.connect()) {
                snapshot = store.write("agree", new DatabaseDumper(CatalogReader.allSchemas(),
                        DumpOptions.schemaAndData()).snapshotContent(c));
            }
            Catalog stored = store.catalog(snapshot).orElseThrow();

            RestoreReport report;
            try (Connection c = dst.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, snapshot);
            }
            assertThat(PgDump.schemaOnly(dst)).isEqualTo(PgDump.schemaOnly(src));
            assertThat(report.verification().differences()).isEmpty();
            Catalog restored = read(dst);
            assertThat(CatalogVerification.differences(stored, restored, true, true)).isEmpty();
            assertThat(SchemaDiff.compare(stored, restored).isEmpty()).isTrue();

            dst.execute("ALTER TABLE app.notes ADD COLUMN extra int; REVOKE SELECT ON app.notes FROM PUBLIC;");
            assertThat(PgDump.schemaOnly(dst)).isNotEqualTo(PgDump.schemaOnly(src));
            Catalog altered = read(dst);
            List<String> verification = CatalogVerification.differences(stored, altered, true, true);
            DiffReport diff = SchemaDiff.compare(DiffSide.of("snapshot", stored), DiffSide.of("live", altered),
                    DiffOptions.defaults());
            // what the two statements above did, and nothing else
            assertThat(verification).containsExactly(
                    "not in the snapshot: column app.notes.extra",
                    "not as in the snapshot: privileges on TABLE app.notes (privileges of PUBLIC removed: SELECT)");
            assertThat(diff.changes()).map(Change::toString)
                    .containsExactly("+ column app.notes.extra", "~ privileges on TABLE app.notes");
        }
    }

    @Test
    void aRestoreThatDoesNotGiveBackTheSnapshotIsNotVerifiedAndTheDiffSaysTheSame(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("disagree_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("disagree_dst")) {
            src.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            // a script that ends by changing what it made: its catalog still says how it was
            StoredSnapshot edited = EditedSnapshot.withStatement(store, src, "edited", DumpOptions.schemaAndData(),
                    "ALTER TABLE app.accounts ALTER COLUMN display_name TYPE varchar(100);"
                            + " DROP INDEX app.notes_account_updated_idx;");
            Catalog stored = store.catalog(edited).orElseThrow();

            RestoreReport report;
            try (Connection c = dst.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, edited);
            }

            assertThat(PgDump.schemaOnly(dst)).isNotEqualTo(PgDump.schemaOnly(src));
            assertThat(report.verification().verified()).isFalse();
            assertThat(report.verification().differences()).containsExactly(
                    "not as in the snapshot: column app.accounts.display_name (type: character varying(80)"
                            + " → character varying(100))",
                    "missing after the restore: index app.notes_account_updated_idx");
            DiffReport diff = SchemaDiff.compare(stored, read(dst));
            assertThat(diff.changes()).map(Change::toString)
                    .containsExactly("~ column app.accounts.display_name", "- index app.notes_account_updated_idx");
        }
    }

    private static Catalog read(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
