package io.dbsnap.dumper;

import static io.dbsnap.dumper.MigrationPlannerTest.read;
import static io.dbsnap.dumper.MigrationPlannerTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.View;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Whether a materialized view holds rows ({@code pg_class.relispopulated}) is read into the
 * catalog, and the migration plan brings it to the other side's state in place: a refresh, or
 * {@code REFRESH ... WITH NO DATA}, never a drop that would take the view's index and the views
 * over it along. The server's own {@code relispopulated} and the view's rows are the oracle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterializedViewPopulatedTest {

    private static final String SCHEMA = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.orders (id int PRIMARY KEY, total int);
            CREATE MATERIALIZED VIEW shop.totals AS SELECT id, total * 2 AS twice FROM shop.orders;
            CREATE UNIQUE INDEX totals_id ON shop.totals (id);
            CREATE VIEW shop.big AS SELECT id FROM shop.totals WHERE twice > 10;
            INSERT INTO shop.orders SELECT i, i FROM generate_series(1, 20) i;
            """;

    private TestDatabase populated;
    private TestDatabase empty;

    @BeforeAll
    void databases() throws Exception {
        populated = PostgresServer.shared().createDatabase("mv_populated");
        populated.execute(SCHEMA + "REFRESH MATERIALIZED VIEW shop.totals;");
        empty = PostgresServer.shared().createDatabase("mv_empty");
        empty.execute(SCHEMA + "REFRESH MATERIALIZED VIEW shop.totals WITH NO DATA;");
    }

    @AfterAll
    void dropDatabases() {
        populated.close();
        empty.close();
    }

    @Test
    void theCatalogRecordsWhetherAMaterializedViewHoldsRows() throws Exception {
        assertThat(view(read(populated), "totals").populated()).isTrue();
        assertThat(view(read(empty), "totals").populated()).isFalse();
        assertThat(view(read(empty), "big").populated()).as("a plain view").isTrue();
    }

    @Test
    void aViewLeftWithoutDataIsEmptiedInPlace() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("mv_to_empty")) {
            a.execute(SCHEMA + "REFRESH MATERIALIZED VIEW shop.totals;");
            MigrationPlan plan = MigrationPlanner.plan(read(a), read(empty));

            assertThat(plan.steps()).extracting(MigrationStep::sql)
                    .containsExactly("REFRESH MATERIALIZED VIEW shop.totals WITH NO DATA;");
            MigrationRenamesTest.apply(a, plan);
            assertThat(rows(a, "SELECT relispopulated FROM pg_class WHERE oid = 'shop.totals'::regclass"))
                    .containsExactly("f|");
            assertThat(MigrationPlanner.plan(read(a), read(empty)).steps()).as("nothing left to do").isEmpty();
        }
    }

    @Test
    void aViewThatHoldsRowsInTheTargetIsRefreshed() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("mv_to_populated")) {
            a.execute(SCHEMA + "REFRESH MATERIALIZED VIEW shop.totals WITH NO DATA;");
            MigrationPlan plan = MigrationPlanner.plan(read(a), read(populated));

            assertThat(plan.steps()).extracting(MigrationStep::sql).containsExactly("REFRESH MATERIALIZED VIEW shop.totals;");
            MigrationRenamesTest.apply(a, plan);
            assertThat(rows(a, "SELECT count(*), sum(twice) FROM shop.totals")).containsExactly("20|420|");
            assertThat(MigrationPlanner.plan(read(a), read(populated)).steps()).as("nothing left to do").isEmpty();
        }
    }

    @Test
    void aRecreatedViewIsRefreshedOnlyWhenTheTargetHoldsRows() throws Exception {
        String otherQuery = SCHEMA.replace("total * 2 AS twice", "total * 3 AS twice");
        try (TestDatabase b = PostgresServer.shared().createDatabase("mv_recreated")) {
            b.execute(otherQuery + "REFRESH MATERIALIZED VIEW shop.totals WITH NO DATA;");
            List<String> sql = MigrationPlanner.plan(read(populated), read(b)).steps().stream().map(MigrationStep::sql).toList();

            assertThat(sql).anyMatch(s -> s.startsWith("CREATE MATERIALIZED VIEW shop.totals") && s.contains("WITH NO DATA"))
                    .noneMatch(s -> s.startsWith("REFRESH"));
            b.execute("REFRESH MATERIALIZED VIEW shop.totals;");
            assertThat(MigrationPlanner.plan(read(populated), read(b)).steps()).extracting(MigrationStep::sql)
                    .contains("REFRESH MATERIALIZED VIEW shop.totals;");
        }
    }

    private static View view(Catalog catalog, String name) {
        return catalog.views().stream().filter(v -> v.name().name().equals(name)).findFirst().orElseThrow();
    }
}
