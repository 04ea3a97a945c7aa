package io.dbsnap.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.Snapshots;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's migrations wrapped in dbsnap's snapshots, on a real server: a deploy applies all its migrations or none. */
class FlywayWithSnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void pendingMigrationsRunBetweenTwoSnapshotsAndAFailureGoesBackToTheFirst() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("flyway_wrap")) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Path snapshots = dir.resolve("snapshots");
            Files.writeString(migrations.resolve("V1__accounts.sql"),
                    "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n"
                            + "INSERT INTO accounts VALUES (1, 'ann@example.com');\n");
            Files.writeString(migrations.resolve("V2__nickname.sql"), "ALTER TABLE accounts ADD COLUMN nickname text;\n");

            FlywayWithSnapshots.Outcome first = new FlywayWithSnapshots(flyway(db, migrations), db.dataSource(), snapshots)
                    .migrate();

            assertThat(first.migrations()).isEqualTo(2);
            assertThat(first.diff().changes()).extracting(Object::toString)
                    .contains("+ table public.accounts", "+ table public.flyway_schema_history");
            String afterTwo = PgDump.run(db);

            // the next deploy: V3 works, V4 fails; Flyway alone would leave V3 applied
            Files.writeString(migrations.resolve("V3__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
            Files.writeString(migrations.resolve("V4__broken.sql"), "ALTER TABLE no_such_table ADD COLUMN x int;\n");

            assertThatThrownBy(() -> new FlywayWithSnapshots(flyway(db, migrations), db.dataSource(), snapshots).migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("no_such_table");

            assertThat(PgDump.run(db)).isEqualTo(afterTwo);
            assertThat(appliedVersions(db)).isEqualTo(2);
            assertThat(Snapshots.in(snapshots).list()).extracting(SnapshotInfo::label)
                    .containsExactly("before_flyway", "after_flyway", "before_flyway");
        }
    }

    private static Flyway flyway(TestDatabase db, Path migrations) {
        return Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + migrations).load();
    }

    private static int appliedVersions(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
