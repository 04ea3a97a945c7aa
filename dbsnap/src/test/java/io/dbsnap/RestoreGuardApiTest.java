package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.restore.DataLossRefusedException;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestorePlan;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.TableRows;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent API's side of the schema-only guard: the plan, the refusal, and the option that allows it. */
class RestoreGuardApiTest {

    @Test
    void aSchemaOnlySnapshotIsRestoredOverRowsOnlyWithDiscardingData(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("api_guard")) {
            db.execute(SampleSchemas.counted());
            Snapshot schemaOnly = Snapshots.create("schema").in(dir).from(db.dataSource());
            long users = count(db, "app.users");
            String now = PgDump.run(db, "--no-owner");

            RestorePlan plan = schemaOnly.restorePlan(db.dataSource());
            assertThat(plan.emptiesTablesWithRows()).isTrue();
            assertThat(plan.emptied().counted()).contains(new TableRows("app.users", users, false));

            assertThatThrownBy(() -> schemaOnly.restoreTo(db.dataSource()))
                    .isInstanceOf(DataLossRefusedException.class)
                    .hasMessageContaining("app.users: " + users + " rows")
                    .hasMessageContaining("RestoreOptions.defaults().discardingData()");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(now);
            assertThat(Snapshots.in(dir).list()).hasSize(1);

            RestoreReport report = schemaOnly.restoreTo(db.dataSource(), RestoreOptions.defaults().discardingData());
            assertThat(report.verification().verified()).isTrue();
            assertThat(count(db, "app.users")).isZero();
        }
    }

    private static long count(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
