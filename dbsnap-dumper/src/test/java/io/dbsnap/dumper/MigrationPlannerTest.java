package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The migration plan between two catalogs on a real server: database A gets the plan to B's
 * catalog, run in one transaction, and must then dump ({@code pg_dump --schema-only}) as B does,
 * with its rows kept. pg_dump is the judge; the only difference allowed is the order of a table's
 * columns, since an added column comes last.
 */
class MigrationPlannerTest {

    private static final String SHOP = """
            CREATE SCHEMA shop;
            CREATE TYPE shop.status AS ENUM ('new', 'paid');
            CREATE FUNCTION shop.tax(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 0.2';
            CREATE TABLE shop.orders (id int PRIMARY KEY, total numeric NOT NULL, note text, status shop.status DEFAULT 'new',
                CONSTRAINT positive CHECK (total > 0));
            CREATE INDEX orders_total ON shop.orders (total);
            CREATE VIEW shop.big AS SELECT id, total, shop.tax(total) AS tax FROM shop.orders WHERE total > 100;
            COMMENT ON TABLE shop.orders IS 'orders';
            """;
    private static final String ROWS = "INSERT INTO shop.orders SELECT i, i * 10, 'n' || i FROM generate_series(1, 50) i;";

    @Test
    void equalCatalogsNeedNothing() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("plan_equal")) {
            a.execute(SHOP);
            Catalog catalog = read(a);
            assertThat(MigrationPlanner.plan(catalog, read(a)).steps()).isEmpty();
        }
    }

    @Test
    void tablesAreAlteredInPlaceAndKeepTheirRows() throws Exception {
        MigrationPlan plan = converge("plan_columns", SHOP + ROWS, SHOP.replace("note text,", "")
                .replace("total numeric NOT NULL", "total numeric(12,2) NOT NULL, created date DEFAULT current_date")
                .replace("CHECK (total > 0)", "CHECK (total >= 0)")
                .replace("CREATE INDEX orders_total ON shop.orders (total);", "CREATE INDEX orders_status ON shop.orders (status);")
                .replace("COMMENT ON TABLE shop.orders IS 'orders';", "COMMENT ON TABLE shop.orders IS 'all orders';"),
                "id", "status");
        assertThat(plan.hazards()).anyMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS && h.subject().contains("note"));
        assertThat(plan.hazards()).anyMatch(h -> h.kind() == Hazard.Kind.TABLE_REWRITE);
        assertThat(plan.preservesData()).isFalse();
        assertThat(plan.toSql()).doesNotContain("DROP TABLE");
    }

    @Test
    void functionsEnumsAndViewsChangeWithoutDroppingTables() throws Exception {
        MigrationPlan plan = converge("plan_routines", SHOP + ROWS, SHOP
                .replace("ENUM ('new', 'paid')", "ENUM ('draft', 'new', 'paid', 'refunded')")
                .replace("'SELECT $1 * 0.2'", "'SELECT $1 * 0.25'")
                .replace("WHERE total > 100", "WHERE total > 200"), "id", "total", "note", "status");
        assertThat(plan.preservesData()).isTrue();
        assertThat(plan.toSql()).contains("ADD VALUE 'draft' BEFORE 'new'", "ADD VALUE 'refunded' AFTER 'paid'",
                "CREATE OR REPLACE FUNCTION shop.tax").doesNotContain("DROP TABLE", "DROP FUNCTION");
    }

    @Test
    void objectsComeAndGo() throws Exception {
        MigrationPlan plan = converge("plan_objects", SHOP + ROWS + "CREATE TABLE shop.old (x int); INSERT INTO shop.old VALUES (1);",
                SHOP.replace("CREATE VIEW shop.big", "CREATE SEQUENCE shop.numbers; CREATE TABLE shop.items (id int"
                        + " REFERENCES shop.orders, n int DEFAULT nextval('shop.numbers'));\nCREATE VIEW shop.big"),
                "id", "total", "note", "status");
        assertThat(plan.hazards()).anyMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS && h.subject().equals("TABLE shop.old"));
    }

    /**
     * Loads A (with rows) and B, plans A → B, runs the plan on A in one transaction, and checks A
     * now dumps as B and kept the rows of {@code kept} columns of shop.orders.
     */
    private static MigrationPlan converge(String name, String a, String b, String... kept) throws Exception {
        try (TestDatabase dbA = PostgresServer.shared().createDatabase(name + "_a");
             TestDatabase dbB = PostgresServer.shared().createDatabase(name + "_b")) {
            dbA.execute(a);
            dbB.execute(b);
            String columns = String.join(", ", kept);
            List<String> rows = rows(dbA, "SELECT " + columns + " FROM shop.orders ORDER BY id");
            MigrationPlan plan = MigrationPlanner.plan(read(dbA), read(dbB));
            try (Connection c = dbA.connect()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (MigrationStep step : plan.steps()) {
                        try {
                            s.execute(step.sql());
                        } catch (SQLException e) {
                            throw new AssertionError("the plan failed at " + step.sql() + ": " + e.getMessage()
                                    + "\nthe plan:\n" + plan.toSql(), e);
                        }
                    }
                }
                c.commit();
            }
            assertThat(sortedColumns(PgDump.schemaOnly(dbA))).as(plan.toSql()).isEqualTo(sortedColumns(PgDump.schemaOnly(dbB)));
            assertThat(rows(dbA, "SELECT " + columns + " FROM shop.orders ORDER BY id")).isEqualTo(rows);
            assertThat(MigrationPlanner.plan(read(dbA), read(dbB)).steps()).as("nothing left to do").isEmpty();
            return plan;
        }
    }

    /** The dump with each CREATE TABLE's column lines sorted: an added column comes last, not where B has it. */
    private static String sortedColumns(String dump) {
        StringBuilder out = new StringBuilder();
        List<String> block = null;
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("CREATE TABLE ")) {
                out.append(line).append('\n');
                block = new ArrayList<>();
            } else if (block != null && line.startsWith(")")) {
                block.replaceAll(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l);
                block.sort(null);
                out.append(String.join("\n", block)).append('\n').append(line).append('\n');
                block = null;
            } else if (block != null) {
                block.add(line);
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The catalog of every schema of {@code db} (MigrationRenamesTest reads with it too). */
    static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }

    /** The rows {@code query} gives, each as its values joined by {@code |}. */
    static List<String> rows(TestDatabase db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
