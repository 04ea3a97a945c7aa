package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.testkit.CatalogOracle;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The diff on the server versions whose catalogs differ (the machine's own, and 12, 13, 17 and 18
 * from the testkit's binaries): the migration's exact changes (from 13 on: the migration sets a
 * statistics object's target, which 12 cannot), and no change between the fixtures of many kinds
 * and of owners and privileges and their restored copy, judged by the diff and, for owners and
 * privileges, by the testkit's catalog oracle too.
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
            Fixtures.load(src, dir, "privileges.sql");
            if (server.majorVersion() >= 17) {
                Fixtures.load(src, dir, "privileges-17.sql");
            }
            Path script = dir.resolve("many-kinds-dump.sql");
            Files.writeString(script, RoundTrip.dump(src, DdlOptions.defaults().withOwners().withPrivileges()),
                    StandardCharsets.UTF_8);
            Psql.runFile(copy, script);

            // a schema-only script leaves materialized views unpopulated, as pg_dump --schema-only does
            DiffReport report = SchemaDiff.compare(read(src).withMaterializedViewsUnpopulated(), read(copy));

            assertThat(report.changes()).as(report.toText()).isEmpty();
            assertOwnersAndPrivilegesSurvive(src, copy);
        }
    }

    /**
     * Owners, ACLs (of objects and of columns) and default privileges of the copy are the
     * source's, as the server itself prints them (the testkit's oracle: pg_get_userbyid,
     * aclexplode, pg_default_acl; no dbsnap code), on every version: pg_dump 15 cannot judge 17
     * and 18, and dbsnap's own reader and diff must not be their only judge. The lines expected
     * from the privileges fixture are written by hand, so the comparison cannot pass empty.
     */
    private static void assertOwnersAndPrivilegesSurvive(TestDatabase src, TestDatabase copy) {
        String expected = CatalogOracle.describe(src, true);
        assertThat(CatalogOracle.describe(copy, true)).isEqualTo(expected);
        List<String> lines = expected.lines().toList();
        assertThat(lines).contains(
                "owner of schema owned: dbsnap_owner",
                "owner of table owned.accounts: dbsnap_owner",
                "owner of function owned.secret_count(): dbsnap_owner",
                "owner of procedure owned.touch(): \"Dbsnap Writer\"",
                "owner of large object 515151: dbsnap_owner",
                "privilege on schema owned: CREATE to \"Dbsnap Writer\" by dbsnap_owner, with grant option",
                "privilege on table owned.accounts: SELECT to dbsnap_reader by dbsnap_owner",
                "privilege on table owned.accounts: UPDATE to \"Dbsnap Writer\" by dbsnap_owner",
                "privilege on table column owned.accounts.email: UPDATE to PUBLIC by dbsnap_owner",
                "privilege on table column owned.accounts.id: SELECT to PUBLIC by dbsnap_owner",
                "privilege on sequence owned.accounts_id_seq: USAGE to \"Dbsnap Writer\" by dbsnap_owner",
                "privilege on table owned.ids: SELECT to dbsnap_owner by dbsnap_owner",
                "privilege on view owned.emails: SELECT to dbsnap_reader by dbsnap_owner, with grant option",
                "privilege on function owned.secret_count(): EXECUTE to dbsnap_reader by dbsnap_owner",
                "privilege on type owned.status: USAGE to dbsnap_reader by dbsnap_owner",
                "privilege on large object 515151: SELECT to dbsnap_reader by dbsnap_owner",
                "default privilege of dbsnap_owner in schema owned on tables: SELECT to dbsnap_reader by dbsnap_owner",
                "default privilege of dbsnap_owner on functions: EXECUTE to dbsnap_owner by dbsnap_owner",
                "default privilege of \"Dbsnap Writer\" on sequences: USAGE to dbsnap_reader by \"Dbsnap Writer\"");
        // revoked: owned.ids keeps only SELECT for its owner; nobody but its owner and reader runs secret_count
        assertThat(lines).doesNotContain("privilege on table owned.ids: INSERT to dbsnap_owner by dbsnap_owner",
                "privilege on function owned.secret_count(): EXECUTE to PUBLIC by dbsnap_owner");
        if (src.server().majorVersion() >= 17) {
            assertThat(lines).contains(
                    "privilege on table owned.accounts: MAINTAIN to dbsnap_reader by dbsnap_owner",
                    "privilege on materialized view owned.counts: MAINTAIN to \"Dbsnap Writer\" by dbsnap_owner,"
                            + " with grant option",
                    "privilege on table owned.accounts: MAINTAIN to dbsnap_owner by dbsnap_owner");
        } else {
            assertThat(lines).noneMatch(line -> line.contains("MAINTAIN"));
        }
    }

    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
