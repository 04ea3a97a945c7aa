package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** The progress line of a snapshot held up by a lock names the object and who holds it, not "preparing". */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theProgressLineSaysWhichLockTheSnapshotWaitsFor() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_snapshot_waits")) {
            db.execute(Fixture.SCHEMA);
            Database database = Database.of(new Environment.Source(CliRunner.url(db), "the test"));
            ExecutorService background = Executors.newSingleThreadExecutor();
            try (Connection holder = db.connect(); LockWaitProbe probe = new LockWaitProbe(database)) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("LOCK TABLE app.users IN ACCESS EXCLUSIVE MODE");
                }
                Future<?> dump = background.submit(() -> new DatabaseDumper(CatalogReader.allSchemas(),
                        DumpOptions.schemaOnly()).dump(database.dataSource(), OutputStream.nullOutputStream()));
                Optional<String> waiting = Optional.empty();
                // until the dump's session has reached the lock (a wait for a state, not a measured time)
                for (int i = 0; i < 100 && waiting.isEmpty(); i++) {
                    Thread.sleep(100);
                    waiting = probe.get();
                }
                assertThat(waiting).contains("table app.users (held by server process " + pidOf(holder) + ")");
                ProgressDisplay display = ProgressDisplay.start(new CliContext(new Environment(Map.of()),
                        Terminal.system(), System.out, new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC()),
                        "snapshot x", new ScriptMeter(), OptionalLong.empty(), OptionalInt.empty(), probe);
                display.close();
                assertThat(display.line(Duration.ofSeconds(3), Duration.ZERO))
                        .isEqualTo("snapshot x: waiting for a lock on " + waiting.get() + "... 0:03");
                holder.rollback();
                dump.get();
            } finally {
                background.shutdownNow();
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
