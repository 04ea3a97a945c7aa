package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema-only snapshot restored in place over tables with rows is, by default
 * ({@link RestoreOptions#keepingData()}), a schema rollback that keeps the rows (100,000 here): the schema comes back as pg_dump dumped it at the snapshot, the
 * rows of every table and column the snapshot has stay (checked by the server's own aggregates),
 * and what it lacks (a column and a table created after it) is named as lost, and refused unless
 * the caller accepts the loss.
 */
class SchemaRollbackTest {

    private static final String SCHEMA = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.orders (id bigint PRIMARY KEY, total numeric NOT NULL, note text);
            CREATE INDEX orders_total ON shop.orders (total);
            CREATE FUNCTION shop.net(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 / 1.2';
            CREATE VIEW shop.big AS SELECT id, shop.net(total) AS net FROM shop.orders WHERE total > 1000;
            INSERT INTO shop.orders SELECT i, i % 5000, 'note ' || i FROM generate_series(1, 100000) i;
            """;
    /** What a migration did after the snapshot: a column and a table with rows added, others changed. */
    private static final String MIGRATION = """
            ALTER TABLE shop.orders ADD COLUMN discount numeric DEFAULT 0;
            ALTER TABLE shop.orders ALTER COLUMN note TYPE varchar(200);
            DROP VIEW shop.big;
            CREATE OR REPLACE FUNCTION shop.net(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 / 1.25';
            CREATE VIEW shop.big AS SELECT id, total FROM shop.orders WHERE total > 2000;
            DROP INDEX shop.orders_total;
            CREATE TABLE shop.coupons (code text PRIMARY KEY, used int);
            INSERT INTO shop.coupons VALUES ('A', 1), ('B', 2);
            """;

    @Test
    void theSchemaComesBackAndTheRowsStay(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("schema_rollback")) {
            db.execute(SCHEMA);
            String atSnapshot = PgDump.schemaOnly(db);
            String rows = ordersFingerprint(db);
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = db.connect()) {
                snapshot = store.write("before", new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaOnly())
                        .snapshotContent(c));
            }
            db.execute(MIGRATION);
            String migrated = PgDump.schemaOnly(db);

            // the column's values and the new table would be lost: refused, nothing changed
            // (the default: RestoreOptions.keepingData() is not named)
            assertThatThrownBy(() -> restore(db, store, snapshot, RestoreOptions.defaults().withoutSafetySnapshot()))
                    .isInstanceOf(DataLossRefusedException.class)
                    .hasMessageContaining("Refusing to roll back the schema")
                    .satisfies(e -> assertThat(((DataLossRefusedException) e).plan().dropped())
                            .containsExactlyInAnyOrder("column shop.orders.discount (values of 100,000 rows)",
                                    "table shop.coupons (2 rows)"))
                    .satisfies(e -> assertThat(((DataLossRefusedException) e).plan().emptied().isEmpty()).isTrue());
            assertThat(PgDump.schemaOnly(db)).isEqualTo(migrated);

            RestoreReport report = restore(db, store, snapshot, RestoreOptions.defaults().withoutSafetySnapshot()
                    .discardingData());

            assertThat(PgDump.schemaOnly(db)).isEqualTo(atSnapshot);
            assertThat(ordersFingerprint(db)).isEqualTo(rows);
            assertThat(report.verification().differences()).isEmpty();
            assertThat(report.plan().dropped()).containsExactlyInAnyOrder("column shop.orders.discount (values of 100,000 rows)",
                    "table shop.coupons (2 rows)");
            assertThat(report.plan().emptied().isEmpty()).isTrue();
        }
    }

    private static RestoreReport restore(TestDatabase db, SnapshotStore store, StoredSnapshot snapshot,
                                         RestoreOptions options) throws Exception {
        try (Connection c = db.connect()) {
            return new SnapshotRestorer(store, options).restore(c, snapshot);
        }
    }

    /** The server's own summary of every row's kept columns: count, sums and an order-free hash. */
    private static String ordersFingerprint(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(id), sum(total),"
                     + " sum(hashtext(id || '|' || total || '|' || note)) FROM shop.orders")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4);
        }
    }
}
