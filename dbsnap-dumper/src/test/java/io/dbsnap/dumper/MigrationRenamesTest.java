package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.migration.Renames;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Renames the caller maps ({@link Renames}) become {@code ALTER TABLE ... RENAME} and keep the
 * rows; unmapped, the planner does not guess them: the table or column is dropped and added, and
 * the data-loss hazard says it may be a rename. pg_dump of A after the plan against B's is the
 * judge, the rows are read back from the server.
 */
class MigrationRenamesTest {

    private static final String A = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.customers (id int CONSTRAINT customers_pkey PRIMARY KEY,
                mail text CONSTRAINT mail_present CHECK (mail <> ''), name text);
            CREATE INDEX customers_name ON shop.customers (name);
            CREATE VIEW shop.mailing AS SELECT id, mail FROM shop.customers;
            COMMENT ON TABLE shop.customers IS 'who buys';
            COMMENT ON COLUMN shop.customers.mail IS 'where to write';
            INSERT INTO shop.customers SELECT i, 'c' || i || '@example.com', 'name ' || i FROM generate_series(1, 200) i;
            """;
    private static final String B = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.clients (id int CONSTRAINT customers_pkey PRIMARY KEY,
                email text CONSTRAINT mail_present CHECK (email <> ''), name text);
            CREATE INDEX customers_name ON shop.clients (name);
            CREATE VIEW shop.mailing AS SELECT id, email FROM shop.clients;
            COMMENT ON TABLE shop.clients IS 'who buys';
            COMMENT ON COLUMN shop.clients.email IS 'where to write';
            """;
    private static final Renames RENAMES = Renames.none()
            .table(new QualifiedName("shop", "customers"), "clients")
            .column(new QualifiedName("shop", "clients"), "mail", "email");

    @Test
    void mappedRenamesKeepTheRows() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("renames_a");
             TestDatabase b = PostgresServer.shared().createDatabase("renames_b")) {
            a.execute(A);
            b.execute(B);
            List<String> before = MigrationPlannerTest.rows(a, "SELECT id, mail, name FROM shop.customers ORDER BY id");
            MigrationPlan plan = MigrationPlanner.plan(MigrationPlannerTest.read(a), MigrationPlannerTest.read(b), DdlOptions.defaults(), RENAMES);

            assertThat(plan.toSql()).contains("ALTER TABLE shop.customers RENAME TO clients;",
                    "ALTER TABLE shop.clients RENAME COLUMN mail TO email;").doesNotContain("DROP TABLE", "DROP COLUMN");
            assertThat(plan.hazards()).noneMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS);
            assertThat(plan.preservesData()).isTrue();
            apply(a, plan);

            assertThat(PgDump.schemaOnly(a)).isEqualTo(PgDump.schemaOnly(b));
            assertThat(MigrationPlannerTest.rows(a, "SELECT id, email, name FROM shop.clients ORDER BY id")).hasSize(200).isEqualTo(before);
            assertThat(MigrationPlanner.plan(MigrationPlannerTest.read(a), MigrationPlannerTest.read(b)).steps()).as("nothing left to do").isEmpty();
        }
    }

    @Test
    void withoutTheMappingATableDropIsFlaggedAsAPossibleRename() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("renames_guess_a");
             TestDatabase b = PostgresServer.shared().createDatabase("renames_guess_b")) {
            a.execute(A);
            b.execute(B.replace("email", "mail"));
            MigrationPlan plan = MigrationPlanner.plan(MigrationPlannerTest.read(a), MigrationPlannerTest.read(b));

            assertThat(plan.toSql()).contains("DROP TABLE").doesNotContain("RENAME");
            assertThat(plan.preservesData()).isFalse();
            assertThat(plan.hazards()).anyMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS
                    && h.subject().equals("TABLE shop.customers") && h.detail().contains("possibly renamed to shop.clients"));
        }
    }

    @Test
    void withoutTheMappingAColumnDropIsFlaggedAsAPossibleRename() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("renames_column_a");
             TestDatabase b = PostgresServer.shared().createDatabase("renames_column_b")) {
            a.execute(A);
            b.execute(B.replace("clients", "customers"));
            MigrationPlan plan = MigrationPlanner.plan(MigrationPlannerTest.read(a), MigrationPlannerTest.read(b));

            assertThat(plan.hazards()).anyMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS
                    && h.subject().equals("COLUMN shop.customers.mail") && h.detail().contains("possibly renamed to email"));
            // mapped, the same pair keeps the values
            MigrationPlan mapped = MigrationPlanner.plan(MigrationPlannerTest.read(a), MigrationPlannerTest.read(b), DdlOptions.defaults(),
                    Renames.none().column(new QualifiedName("shop", "customers"), "mail", "email"));
            List<String> before = MigrationPlannerTest.rows(a, "SELECT id, mail FROM shop.customers ORDER BY id");
            apply(a, mapped);
            assertThat(PgDump.schemaOnly(a)).isEqualTo(PgDump.schemaOnly(b));
            assertThat(MigrationPlannerTest.rows(a, "SELECT id, email FROM shop.customers ORDER BY id")).isEqualTo(before);
        }
    }

    /** Runs every step of {@code plan} in one transaction on {@code db}; a failing step rolls it back and fails the test. */
    static void apply(TestDatabase db, MigrationPlan plan) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (MigrationStep step : plan.steps()) {
                    s.execute(step.sql());
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new AssertionError("the plan failed: " + e.getMessage() + "\n" + plan.toSql(), e);
            }
        }
    }
}
