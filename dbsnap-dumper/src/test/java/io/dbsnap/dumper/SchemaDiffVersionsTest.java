package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The diff on the server versions whose catalogs differ (the machine's own, and 12, 13, 17 and 18
 * from the testkit's binaries): the migration's exact changes (from 13 on: the migration sets a
 * statistics object's target, which 12 cannot), and no change between the fixture of many kinds
 * and its restored copy.
 */
class SchemaDiffVersionsTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"13", "15", "17", "18"})
    void theMigrationsChangesOnEveryVersion(String version, @TempDir Path dir) throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(version);
        try (TestDatabase db = server.createDatabase("diff_versions")) {
            Fixtures.load(db, dir, "diff-before.sql");
            Catalog before = read(db);
            Fixtures.load(db, dir, "diff-migration.sql");

            DiffReport report = SchemaDiff.compare(before, read(db));

            assertThat(DiffLines.of(report)).containsExactlyElementsOf(
                    DiffMigration.expectedChanges(server.majorVersion(), db.user()));
            assertThat(report.summary()).isEqualTo(DiffMigration.SUMMARY);
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"12", "13", "15", "17", "18"})
    void manyKindsAndTheirRestoredCopyHaveNoChange(String version, @TempDir Path dir) throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(version);
        try (TestDatabase src = server.createDatabase("diff_versions_src");
             TestDatabase copy = server.createDatabase("diff_versions_copy")) {
            Fixtures.loadManyKinds(src, dir);
            Path script = dir.resolve("many-kinds-dump.sql");
            Files.writeString(script, RoundTrip.dump(src, DdlOptions.defaults().withOwners().withPrivileges()),
                    StandardCharsets.UTF_8);
            Psql.runFile(copy, script);

            DiffReport report = SchemaDiff.compare(read(src), read(copy));

            assertThat(report.changes()).as(report.toText()).isEmpty();
        }
    }


    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
