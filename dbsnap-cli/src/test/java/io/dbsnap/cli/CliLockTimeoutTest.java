package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lock waits end with exit code 4 and a message that names the session to look at. (The JUnit
 * timeouts only keep a command that waits forever from hanging the build.)
 */
class CliLockTimeoutTest {

    @TempDir
    Path dir;

    private static int pidOf(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSnapshotBehindATableLockedUnderAViewExitsWithFour() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_snapshot_locked")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            try (Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("LOCK TABLE app.users IN ACCESS EXCLUSIVE MODE");
                }
                CliRunner.Run run = cli.run("snapshot", "locked", "--dir", dir.toString(), "--lock-timeout", "0.3");
                assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.LOCKED);
                assertThat(run.err()).contains("table app.users: AccessExclusiveLock held by server process "
                        + pidOf(holder));
                holder.rollback();
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRestoreBehindAnOpenReaderExitsWithFourAndChangesNothing() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_restore_locked")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            assertThat(cli.run("snapshot", "v1", "--data", "--dir", dir.toString()).exitCode()).isZero();
            db.execute("DELETE FROM app.users WHERE id = 1");
            String before = PgDump.run(db, "--no-owner");
            try (Connection reader = db.connect()) {
                reader.setAutoCommit(false);
                try (Statement s = reader.createStatement()) {
                    s.execute("SET application_name = 'report'");
                    s.executeQuery("SELECT count(*) FROM app.users").close();
                }
                CliRunner.Run run = cli.withoutTerminal().run("restore", "v1", "--yes", "--no-safety-snapshot",
                        "--dir", dir.toString(), "--lock-timeout", "0.3");
                assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.LOCKED);
                assertThat(run.err()).contains("lock timeout (300 ms)", "table app.users: AccessShareLock held by server"
                        + " process " + pidOf(reader), "application_name 'report'", "nothing was changed");
                reader.rollback();
            }
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before);

            CliRunner.Run refused = cli.withoutTerminal().run("rollback", "--emergency", "--lock-timeout", "0",
                    "--dir", dir.toString());
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err()).contains("--lock-timeout must be a number of seconds above 0");
        }
    }
}
