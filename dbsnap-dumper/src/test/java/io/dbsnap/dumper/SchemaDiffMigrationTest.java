package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.catalog.Identifiers;
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
 * again, and the diff must be exactly the changes the migration made, with their risks: the
 * expected set below is written from the migration, statement by statement.
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

        assertThat(DiffLines.of(report)).containsExactly(
                // database-wide objects first
                "~ extension citext {version}",
                "+ cast (shop.address AS text)",
                "~ publication shop_pub {table}",
                "~ event trigger diff_watch {enabled}",
                "- large object 737373 [large_object_removed]",
                "+ schema audit",
                // then schema shop, kind by kind
                "+ collation shop.c_copy",
                "~ enum type shop.level {value} [enum_value_removed]",
                "~ enum type shop.mood {value}",
                "~ domain shop.positive {constraint below_million}",
                "~ composite type shop.address {attribute}",
                "+ range type shop.int_range2",
                "~ function shop.discount(amount numeric) {volatility}",
                "- function shop.obsolete() [routine_removed]",
                "~ function shop.order_total(c bigint) {body}",
                "+ function shop.order_total(c bigint, s text, since date)",
                "~ procedure shop.archive(IN days integer) {setting}",
                "~ aggregate shop.concat_all(text) {definition}",
                "+ operator shop.~~~ (numeric, numeric)",
                "+ text search dictionary shop.simple_dict",
                "~ text search configuration shop.docs {mapping for email}",
                "~ sequence shop.invoice_no {increment}",
                "~ table shop.customers {row security} [rls_disabled]",
                "- table shop.legacy [table_removed]",
                "+ table shop.refunds",
                "- column shop.customers.note [column_removed]",
                "+ column shop.customers.phone",
                "~ column shop.orders.amount {type} [type_narrowed]",
                "~ column shop.orders.comment {default}",
                "~ column shop.orders.quantity {type}",
                "~ column shop.orders.status {not null} [not_null_added]",
                "- constraint orders_customer_id_fkey on shop.orders",
                "+ constraint positive_quantity on shop.orders",
                "+ index shop.orders_customer",
                "- index shop.orders_status",
                "- view shop.big_orders [view_removed]",
                "~ view shop.order_totals {definition}",
                "~ materialized view shop.order_counts {definition}",
                "~ statistics object shop.orders_stats {statistics target}",
                "~ rule orders_log on shop.orders {enabled}",
                "~ trigger customers_touch on shop.customers {timing, events}",
                "~ trigger orders_touch on shop.orders {enabled}",
                "- policy hide_closed on shop.orders [policy_removed]",
                "~ policy own_orders on shop.orders {using}",
                "+ comment on TABLE shop.customers",
                "~ comment on TABLE shop.orders {text}",
                "~ owner of TABLE shop.orders {owner}",
                "~ privileges on TABLE shop.orders {privileges of diff_reader} [privilege_revoked]",
                "+ default privileges for role " + Identifiers.quote(db.user()) + " in schema shop on TABLES");
        assertThat(report.summary()).isEqualTo("1 schema added, 1 extension changed, 1 collation added, "
                + "2 enum types changed (1 at risk), 1 domain changed, 1 composite type changed, 1 range type added, "
                + "1 function added, 1 function removed (risk), 2 functions changed, 1 procedure changed, "
                + "1 aggregate changed, 1 operator added, 1 cast added, 1 text search dictionary added, "
                + "1 text search configuration changed, 1 sequence changed, 1 table added, 1 table removed (risk), "
                + "1 table changed (risk), 1 column added, 1 column removed (risk), 4 columns changed (2 at risk), "
                + "1 constraint added, 1 constraint removed, 1 index added, 1 index removed, 1 view removed (risk), "
                + "1 view changed, 1 materialized view changed, 1 statistics object changed, 1 rule changed, "
                + "2 triggers changed, 1 policy removed (risk), 1 policy changed, 1 publication changed, "
                + "1 event trigger changed, 1 large object removed (risk), 1 comment added, 1 comment changed, "
                + "1 owner changed, 1 privileges changed (risk), 1 default privileges added");
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
