package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two database-wide access changes users make to harden a database, which a diff must see:
 * {@code REVOKE ALL ON SCHEMA public FROM PUBLIC} and a role's own default privileges on functions
 * ({@code ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC}). The oracle that the
 * two databases differ is pg_dump's schema of each; the diff must then name the change, and a
 * database compared with an untouched twin must show none.
 */
class SchemaDiffDatabaseWideAccessTest {

    @TempDir
    Path dir;

    private static final String SCHEMA = "CREATE TABLE t (id int PRIMARY KEY);";

    @Test
    void revokingThePublicSchemaFromPublicIsAChange() throws SQLException {
        assertDiffSees("REVOKE ALL ON SCHEMA public FROM PUBLIC;", "SCHEMA public");
    }

    @Test
    void aRolesOwnDefaultPrivilegesOnFunctionsAreAChange() throws SQLException {
        assertDiffSees("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;", "on FUNCTIONS");
    }

    private void assertDiffSees(String change, String subject) throws SQLException {
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase plain = server.createDatabase("access_plain");
             TestDatabase twin = server.createDatabase("access_twin");
             TestDatabase changed = server.createDatabase("access_changed")) {
            plain.execute(SCHEMA);
            twin.execute(SCHEMA);
            changed.execute(SCHEMA + "\n" + change);
            // the oracle: pg_dump sees the change, and nothing between the twins
            assertThat(PgDump.schemaOnly(changed)).isNotEqualTo(PgDump.schemaOnly(plain));
            assertThat(PgDump.schemaOnly(twin)).isEqualTo(PgDump.schemaOnly(plain));

            DiffReport report = SchemaDiff.compare(catalog(plain), catalog(changed));
            assertThat(DiffLines.of(report)).as("the diff of %s", change).isNotEmpty()
                    .anyMatch(line -> line.contains(subject));
            assertThat(DiffLines.of(SchemaDiff.compare(catalog(changed), catalog(plain)))).isNotEmpty()
                    .anyMatch(line -> line.contains(subject));
            assertThat(DiffLines.of(SchemaDiff.compare(catalog(plain), catalog(twin)))).isEmpty();

            // the same through snapshots, as dbsnap diff A B compares them (catalog.json of each)
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot before = snapshot(store, plain, "plain");
            StoredSnapshot after = snapshot(store, changed, "changed");
            assertThat(DiffLines.of(SchemaDiff.compare(DiffSide.of(store, before), DiffSide.of(store, after))))
                    .anyMatch(line -> line.contains(subject));
            assertThat(DiffLines.of(SchemaDiff.compare(DiffSide.of(store, before), DiffSide.of(store,
                    snapshot(store, twin, "twin"))))).isEmpty();
        }
    }

    private static StoredSnapshot snapshot(SnapshotStore store, TestDatabase db, String label) throws SQLException {
        try (Connection c = db.connect()) {
            return store.write(label, Compression.NONE, new DatabaseDumper(CatalogReader.of(SnapshotScope.everything()),
                    DumpOptions.schemaOnly()).snapshotContent(c));
        }
    }

    private static Catalog catalog(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
