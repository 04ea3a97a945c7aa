package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.diff.Change;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.Difference;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.diff.Subject;
import io.dbsnap.diff.SubjectKind;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structural diff on a real server: database A (fixtures/diff-before.sql) is read, a
 * migration that touches every kind (fixtures/diff-migration.sql) runs, the database is read
 * again, and the diff must be exactly the changes the migration made, with their risks (the
 * expected set, in {@link DiffMigration}, is written from the migration, statement by statement).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaDiffMigrationTest {

    private static final QualifiedName ORDERS = new QualifiedName("shop", "orders");

    private TestDatabase db;
    private Catalog before;
    private Catalog after;

    @BeforeAll
    void migrate(@TempDir Path dir) throws Exception {
        db = PostgresServer.shared().createDatabase("diff_migration");
        Fixtures.load(db, dir, "diff-before.sql");
        before = read(db);
        Fixtures.load(db, dir, "diff-migration.sql");
        after = read(db);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void theDiffIsExactlyWhatTheMigrationDid() {
        DiffReport report = SchemaDiff.compare(before, after);

        assertThat(DiffLines.of(report)).containsExactlyElementsOf(
                DiffMigration.expectedChanges(db.server().majorVersion(), db.user()));
        assertThat(report.summary()).isEqualTo(DiffMigration.SUMMARY);
    }

    @Test
    void theDetailsAreTheValuesBeforeAndAfter() {
        DiffReport report = SchemaDiff.compare(before, after);

        assertThat(change(report, Subject.onTable(SubjectKind.COLUMN, ORDERS,
                "amount")).differences()).containsExactly(Difference.of("type", "numeric(12,2)", "numeric(10,2)"));
        assertThat(change(report, Subject.databaseWide(SubjectKind.EXTENSION, "citext")).differences())
                .containsExactly(Difference.of("version", "1.4", "1.6"));
        assertThat(change(report, Subject.inSchema(SubjectKind.ENUM, "shop", "mood")).differences())
                .containsExactly(Difference.added("value", "ecstatic"));
        assertThat(change(report, Subject.inSchema(SubjectKind.ENUM, "shop", "level")).differences())
                .containsExactly(Difference.removed("value", "mid"));
        assertThat(change(report, Subject.onTable(SubjectKind.TRIGGER, ORDERS,
                "orders_touch")).differences()).containsExactly(Difference.of("enabled", "enabled", "disabled"));
        assertThat(change(report, Subject.onTable(SubjectKind.POLICY, ORDERS,
                "own_orders")).differences()).containsExactly(Difference.of("using", "(customer_id > 0)", "(customer_id > 10)"));
        assertThat(change(report, Subject.inSchema(SubjectKind.SEQUENCE, "shop", "invoice_no")).differences())
                .containsExactly(Difference.of("increment", "1", "10"));
    }

    @Test
    void aDatabaseReadTwiceHasNoChanges() throws SQLException {
        assertThat(SchemaDiff.compare(after, read(db)).isEmpty()).isTrue();
    }

    @Test
    void theDiffOfTheCatalogFilesIsTheDiffOfTheLiveCatalogs(@TempDir Path dir) throws Exception {
        Catalog first = roundTrip(before, dir.resolve("before.catalog.json"));
        Catalog second = roundTrip(after, dir.resolve("after.catalog.json"));

        DiffReport fromFiles = SchemaDiff.compare(DiffSide.of("a", first), DiffSide.of("b", second));
        DiffReport live = SchemaDiff.compare(DiffSide.of("a", before), DiffSide.of("b", after));

        assertThat(fromFiles).isEqualTo(live);
        assertThat(fromFiles.toJson()).isEqualTo(live.toJson());
        assertThat(fromFiles.changes()).hasSizeGreaterThan(40);
    }

    @Test
    void theRenderedReportsShowTheRisks() {
        DiffReport report = SchemaDiff.compare(DiffSide.of("before", before), DiffSide.of("after", after));

        assertThat(report.toText()).contains(
                "schema shop\n",
                "    - column shop.customers.note  [risk: column dropped]\n        ! column dropped: its values are lost\n",
                "    ~ column shop.orders.amount  [risk: type narrowed]\n        type: numeric(12,2) → numeric(10,2)\n");
        assertThat(report.toMarkdown().lines()).contains(
                "| - | column | `shop.customers.note` |  | ⚠️ column dropped |",
                "| - | policy | `hide_closed on shop.orders` |  | ⚠️ row-level security policy removed |");
    }

    private static Change change(DiffReport report, Subject subject) {
        return report.change(subject).orElseThrow(() -> new AssertionError("no change of " + subject + " in "
                + DiffLines.of(report)));
    }

    private static Catalog roundTrip(Catalog catalog, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            CatalogJson.write(catalog, out);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return CatalogJson.read(in);
        }
    }

    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
