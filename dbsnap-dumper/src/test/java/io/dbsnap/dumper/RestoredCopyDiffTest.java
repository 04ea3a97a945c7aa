package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.testkit.CatalogOracle;
import io.dbsnap.testkit.Corpus;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database and its restored copy have no structural difference: each fixture and corpus schema
 * is loaded, dumped by dbsnap with owners and privileges, loaded with psql into an empty
 * database, and the diff of the two databases' catalogs (owners and grants included) is empty;
 * so is the difference of the testkit's catalog oracle with owners and privileges, which reads
 * the catalogs with no dbsnap code.
 */
class RestoredCopyDiffTest {

    @TempDir
    Path dir;

    @Test
    void theFixtureOfManyKinds() throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("diff_copy_kinds")) {
            Fixtures.loadManyKinds(src, dir);

            assertNoDifferenceWithRestoredCopy(src);
        }
    }

    @Test
    void theFixtureOfOwnersAndPrivileges() throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("diff_copy_privileges")) {
            Fixtures.load(src, dir, "privileges.sql");

            Catalog catalog = assertNoDifferenceWithRestoredCopy(src);

            assertThat(catalog.privileges()).isNotEmpty();
        }
    }

    @Test
    void theFixtureOfTheDiffMigration() throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("diff_copy_migration")) {
            Fixtures.load(src, dir, "diff-before.sql");
            Fixtures.load(src, dir, "diff-migration.sql");

            assertNoDifferenceWithRestoredCopy(src);
        }
    }

    /** Run by the profile corpus, as the corpora live beside the repository. */
    @Tag(Corpus.TAG)
    @ParameterizedTest
    @ValueSource(strings = {"pagila/pagila-schema.sql", "northwind/northwind.sql", "chinook/Chinook_PostgreSql.sql"})
    void theCorpusSchemas(String file) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("diff_copy_corpus")) {
            Psql.runFile(src, loadable(Corpus.file(file)));

            Catalog catalog = assertNoDifferenceWithRestoredCopy(src);

            assertThat(catalog.tables()).hasSizeGreaterThan(5);
        }
    }

    /** Dumps {@code src} with owners and grants, loads it into a new database, and asserts an empty diff. */
    private Catalog assertNoDifferenceWithRestoredCopy(TestDatabase src) throws Exception {
        try (TestDatabase copy = src.server().createDatabase(src.name() + "_copy")) {
            String script = RoundTrip.dump(src, DdlOptions.defaults().withOwners().withPrivileges());
            Path file = dir.resolve(src.name() + ".sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Psql.runFile(copy, file);

            Catalog original = read(src);
            // a schema-only script leaves materialized views unpopulated, as pg_dump --schema-only does
            DiffReport report = SchemaDiff.compare(original.withMaterializedViewsUnpopulated(), read(copy));

            assertThat(report.changes()).as(report.toText()).isEmpty();
            assertThat(original.owners()).as("owners were compared").isNotEmpty();
            // the independent judge: the server's own view of schema, owners and ACLs (no dbsnap code)
            assertThat(CatalogOracle.describe(copy, true)).isEqualTo(CatalogOracle.describe(src, true));
            return original;
        }
    }

    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }

    /** Chinook starts by dropping, creating and connecting to a database of its own: skip that. */
    private Path loadable(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int connect = lines.indexOf("\\c chinook;");
        if (connect < 0) {
            return file;
        }
        Path copy = dir.resolve(file.getFileName());
        Files.write(copy, lines.subList(connect + 1, lines.size()), StandardCharsets.UTF_8);
        return copy;
    }
}
