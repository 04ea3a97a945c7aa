package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbsnap migrate on a real server: applied, tried, failing, refused, and locked out; pg_dump judges "unchanged". */
class CliMigrateTest {

    /** dbsnap's advisory lock key, "dbsnap" in ASCII, as OperationLock documents it. */
    private static final long DBSNAP_LOCK = 0x6462736e6170L;

    @TempDir
    Path dir;

    @Test
    void aDryRunChangesNothingAndTheMigrationLeavesBothSnapshotsAndItsDiff() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_migrate")) {
            db.execute(Fixture.SCHEMA);
            Path snapshots = dir.resolve("snapshots");
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).env("DBSNAP_DIR", snapshots.toString());
            Path migration = Files.writeString(dir.resolve("V7__points.sql"),
                    "ALTER TABLE app.users ADD COLUMN points int NOT NULL DEFAULT 0;\nDROP VIEW app.happy_users;\n");
            String before = PgDump.run(db);

            CliRunner.Run dry = cli.run("migrate", migration.toString(), "--dry-run");

            assertThat(dry.exitCode()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("nothing was changed").contains("+ column app.users.points")
                    .contains("- view app.happy_users");
            assertThat(PgDump.run(db)).isEqualTo(before);
            assertThat(snapshots).doesNotExist();

            CliRunner.Run applied = cli.run("migrate", migration.toString());

            assertThat(applied.exitCode()).as(applied.err()).isZero();
            assertThat(applied.out()).contains("2 statements in one transaction")
                    .contains("Undo with: dbsnap restore ").contains("_before_V7__points")
                    .contains("+ column app.users.points");
            assertThat(cli.run("list", "--json").out()).contains("\"after_V7__points\"").contains("\"before_V7__points\"");
            try (var files = Files.list(snapshots)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.endsWith("_after_V7__points_diff.md"))
                        .anyMatch(n -> n.endsWith("_after_V7__points_diff.patch"));
            }
            assertThat(columns(db)).contains("points");
        }
    }

    @Test
    void aFailingMigrationExitsOneAndChangesNothingAndALockedDatabaseExitsFour() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_migrate_fail")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.resolve("s").toString());
            Path failing = Files.writeString(dir.resolve("V8__bad.sql"),
                    "ALTER TABLE app.users ADD COLUMN x int;\nINSERT INTO app.nope VALUES (1);\n");
            Path concurrently = Files.writeString(dir.resolve("V9__index.sql"),
                    "CREATE INDEX CONCURRENTLY users_mood ON app.users (mood);\n");
            String before = PgDump.run(db);

            CliRunner.Run failed = cli.run("migrate", failing.toString());
            assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(failed.err()).contains("Statement 2 (line 2) failed").contains("rolled back");

            CliRunner.Run refused = cli.run("migrate", concurrently.toString());
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("CREATE INDEX CONCURRENTLY").contains("cannot run inside a transaction block")
                    .contains("(--allow-non-transactional;");

            assertThat(PgDump.run(db)).isEqualTo(before);
            assertThat(cli.run("list", "--json").out()).doesNotContain("after_");

            try (Connection other = db.connect(); Statement s = other.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + DBSNAP_LOCK + ")")) {
                rs.next();
                CliRunner.Run locked = cli.run("migrate", concurrently.toString(), "--allow-non-transactional");
                assertThat(locked.exitCode()).isEqualTo(ExitCodes.LOCKED);
                assertThat(locked.err()).contains("Another dbsnap operation is running");
            }

            CliRunner.Run outside = cli.run("migrate", concurrently.toString(), "--allow-non-transactional");
            assertThat(outside.exitCode()).as(outside.err()).isZero();
            assertThat(outside.out()).contains("run after the transaction (not undone with it): statement 1 (line 1):"
                    + " CREATE INDEX CONCURRENTLY").contains("+ index app.users_mood");
        }
    }

    private static java.util.List<String> columns(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT attname FROM pg_attribute WHERE attrelid = 'app.users'::regclass AND attnum > 0")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
