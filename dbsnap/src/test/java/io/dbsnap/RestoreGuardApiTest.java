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

/**
 * The fluent API's side of restoring a schema-only snapshot over rows: by default a schema rollback
 * that keeps them; dropping and recreating (every table empty) is refused unless asked for by name.
 */
class RestoreGuardApiTest {

    @Test
    void aSchemaOnlySnapshotKeepsTheRowsByDefaultAndEmptiesThemOnlyWhenAskedByName(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("api_guard")) {
            db.execute(SampleSchemas.counted());
            Snapshot schemaOnly = Snapshots.create("schema").in(dir).from(db.dataSource());
            long users = count(db, "app.users");
            assertThat(users).isPositive();
            String now = PgDump.run(db, "--no-owner");

            // the default: a schema rollback that keeps the rows, nothing lost
            RestorePlan plan = schemaOnly.restorePlan(db.dataSource());
            assertThat(plan.emptiesTablesWithRows()).isFalse();
            assertThat(plan.losesNothing()).isTrue();
            RestoreReport kept = schemaOnly.restoreTo(db.dataSource());
            assertThat(kept.verification().verified()).as(kept.verification().differences().toString()).isTrue();
            assertThat(count(db, "app.users")).isEqualTo(users);
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(now);

            // drop and recreate, as before: refused over rows, naming the option; allowed with it
            RestoreOptions dropping = RestoreOptions.defaults().droppingAndRecreating();
            assertThatThrownBy(() -> schemaOnly.restoreTo(db.dataSource(), dropping))
                    .isInstanceOf(DataLossRefusedException.class)
                    .hasMessageContaining("app.users: " + users + " rows")
                    .hasMessageContaining("RestoreOptions.defaults().droppingAndRecreating().discardingData()");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(now);
            assertThat(count(db, "app.users")).isEqualTo(users);

            RestoreReport report = schemaOnly.restoreTo(db.dataSource(), dropping.discardingData());
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
