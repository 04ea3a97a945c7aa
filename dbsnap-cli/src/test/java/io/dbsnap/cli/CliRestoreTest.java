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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbsnap restore and rollback on a real server: the confirmation (refused without a terminal,
 * asked on one), the safety snapshot, --create-db, a pg_dump file, the lock (exit 4). Whether the
 * database is back as it was is judged by pg_dump, not by dbsnap.
 */
class CliRestoreTest {

    /** dbsnap's advisory lock key, "dbsnap" in ASCII, as OperationLock documents it. */
    private static final long DBSNAP_LOCK = 0x6462736e6170L;

    @TempDir
    Path dir;

    @Test
    void restoreRefusesWithoutATerminalUnlessYesAsksOnOneAndRestoresExactly() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_restore")) {
            db.execute(Fixture.SCHEMA);
            String before = PgDump.run(db);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            assertThat(cli.run("snapshot", "pre_migration", "--data", "--dir", dir.toString()).exitCode()).isZero();
            db.execute("DROP VIEW app.happy_users; DELETE FROM app.users; CREATE TABLE app.user_roles (id int)");
            String broken = PgDump.run(db);

            CliRunner.Run refused = cli.withoutTerminal().run("restore", "pre_migration", "--dir", dir.toString());
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err()).contains("Restore ").contains("This will:")
                    .contains("Refusing to restore").contains("stdin is not a terminal").contains("--yes");
            assertThat(PgDump.run(db)).isEqualTo(broken);

            CliRunner.Run declined = cli.answering("no").run("restore", "1", "--dir", dir.toString());
            assertThat(declined.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(declined.err()).contains("Type yes to continue").contains("Cancelled");
            assertThat(PgDump.run(db)).isEqualTo(broken);

            CliRunner.Run restored = cli.answering("yes").run("restore", "pre_migration", "--dir", dir.toString());
            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("Restored ").contains("Safety snapshot: ")
                    .contains("Verified: the catalog and the row counts match the snapshot.");
            assertThat(PgDump.run(db)).isEqualTo(before);
            assertThat(labels()).containsExactlyInAnyOrder("before_restore", "pre_migration");

            // the safety snapshot undoes the restore
            CliRunner.Run undone = cli.withoutTerminal().run("restore", "before_restore", "--yes", "--no-safety-snapshot",
                    "--dir", dir.toString());
            assertThat(undone.exitCode()).as(undone.err()).isZero();
            assertThat(undone.out()).contains("No safety snapshot was taken.");
            assertThat(PgDump.run(db)).isEqualTo(broken);
            assertThat(labels()).containsExactlyInAnyOrder("before_restore", "pre_migration");
        }
    }

    @Test
    void aSnapshotNamingMissingRolesIsRefusedUnlessRestoredWithoutOwnersAndGrants() throws Exception {
        String role = "dbsnap_cli_reader_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_restore_roles")) {
            db.execute(Fixture.SCHEMA + ";\nCREATE ROLE " + role + "; GRANT SELECT ON app.users TO " + role);
            String atSnapshot = PgDump.run(db, "--no-owner", "--no-privileges");
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            assertThat(cli.run("snapshot", "with_grant", "--data", "--dir", dir.toString()).exitCode()).isZero();
            db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role + "; DELETE FROM app.users");
            String broken = PgDump.run(db);

            CliRunner.Run refused = cli.run("restore", "with_grant", "--yes", "--dir", dir.toString());
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("a role this server does not have: " + role)
                    .contains("--no-owner / --no-privileges").contains("Nothing was changed");
            assertThat(PgDump.run(db)).isEqualTo(broken);

            CliRunner.Run restored = cli.run("restore", "with_grant", "--yes", "-O", "--no-privileges", "--dir",
                    dir.toString());
            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(PgDump.run(db, "--no-owner", "--no-privileges")).isEqualTo(atSnapshot);
            assertThat(PgDump.run(db)).doesNotContain(role);

            Path script = dir.resolve("plain.sql");
            Files.writeString(script, "SELECT 1;");
            CliRunner.Run plain = cli.run("restore", script.toString(), "--yes", "--no-owner");
            assertThat(plain.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(plain.err()).contains("apply to dbsnap snapshots");
        } finally {
            try (TestDatabase any = PostgresServer.shared().createDatabase("cli_roles_cleanup")) {
                any.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void createDbClonesIntoANewDatabaseAndRefusesAnExistingOne() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_clone_src")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DBSNAP_DB_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "v1", "--data").exitCode()).isZero();
            String clone = db.name() + "_copy";
            try {
                CliRunner.Run run = cli.withoutTerminal().run("restore", "v1", "--create-db", clone);
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).contains("/" + clone + " in ");
                // a later --dbname wins: pg_dump of the clone, through the testkit's connection settings
                assertThat(PgDump.run(db, "--dbname", clone)).isEqualTo(PgDump.run(db));

                CliRunner.Run again = cli.run("restore", "v1", "--create-db", clone);
                assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
                assertThat(again.err()).contains("A database named " + clone + " exists already");
            } finally {
                db.execute("DROP DATABASE IF EXISTS " + clone);
            }
        }
    }

    @Test
    void aPgDumpFileIsRestoredWithAWarningThatItHasNoChecksum() throws Exception {
        try (TestDatabase source = PostgresServer.shared().createDatabase("cli_pgdump_src");
             TestDatabase target = PostgresServer.shared().createDatabase("cli_pgdump_dst")) {
            source.execute(Fixture.SCHEMA);
            Path dump = dir.resolve("from_pg_dump.sql");
            PgDump.toFile(source, dump, "--no-owner");

            CliRunner.Run run = CliRunner.forServer().withoutTerminal().run("restore", dump.toString(), "--yes",
                    "--url", CliRunner.url(target), "--dir", dir.resolve("snapshots").toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("is not a dbsnap snapshot").contains("without a checksum check");
            assertThat(run.out()).contains("Restored " + dump).contains("Safety snapshot: ");
            assertThat(PgDump.run(target, "--no-owner")).isEqualTo(PgDump.run(source, "--no-owner"));
        }
    }

    @Test
    void emergencyRollbackRestoresTheNewestSnapshotWithoutAskingAndLogsIt() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_rollback")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "old").exitCode()).isZero();
            db.execute("CREATE TABLE app.v2 (id int)");
            String deployed = PgDump.run(db);
            assertThat(cli.run("snapshot", "pre_deploy", "--data").exitCode()).isZero();
            db.execute("DROP TABLE app.users CASCADE");

            CliRunner.Run usage = cli.run("rollback");
            assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(usage.err()).contains("needs --emergency");

            CliRunner.Run run = cli.run("rollback", "--emergency");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("EMERGENCY ROLLBACK of " + db.user() + "@").contains("without confirmation");
            assertThat(run.out()).contains("Emergency rollback: restored ").contains("_pre_deploy into ");
            assertThat(PgDump.run(db)).isEqualTo(deployed);
            assertThat(Files.readString(dir.resolve("restore.log"))).contains("_pre_deploy.sql").doesNotContain(db.password());
            assertThat(labels()).containsExactlyInAnyOrder("before_restore", "pre_deploy", "old");
        }
    }

    @Test
    void aRestoreWhileAnotherHoldsTheLockExitsWith4AndChangesNothing() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_locked")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            // with data: a schema-only snapshot over these rows would be refused before the lock is tried
            assertThat(cli.run("snapshot", "before", "--data").exitCode()).isZero();
            db.execute("CREATE TABLE app.later (id int)");
            String now = PgDump.run(db);
            try (Connection other = db.connect(); Statement s = other.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + DBSNAP_LOCK + ")")) {
                assertThat(rs.next() && rs.getBoolean(1)).isTrue();

                CliRunner.Run run = cli.run("restore", "before", "--yes");

                assertThat(run.exitCode()).isEqualTo(ExitCodes.LOCKED);
                assertThat(run.err()).contains("Another dbsnap operation is running");
                assertThat(run.err().lines().filter(l -> l.startsWith("dbsnap restore:"))).hasSize(1);

                // a plain SQL file too, before its safety snapshot is written
                Path script = dir.resolve("by_hand.sql");
                Files.writeString(script, "DROP TABLE app.later;\n");
                CliRunner.Run plain = cli.run("restore", script.toString(), "--yes");

                assertThat(plain.exitCode()).isEqualTo(ExitCodes.LOCKED);
                assertThat(plain.err()).contains("Another dbsnap operation is running");
                assertThat(sqlFiles()).hasSize(1);
            }
            assertThat(PgDump.run(db)).isEqualTo(now);
        }
    }

    @Test
    void aDamagedSnapshotIsNotRestored() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_damaged")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            // with data: a schema-only snapshot over these rows would be refused before its file is checked
            assertThat(cli.run("snapshot", "base", "--data").exitCode()).isZero();
            Path file = sqlFiles().get(0);
            Files.writeString(file, Files.readString(file).replace("app.users", "app.userz"));
            db.execute("CREATE TABLE app.later (id int)");
            String now = PgDump.run(db);

            CliRunner.Run run = cli.run("restore", "base", "--yes");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).contains("truncated or was changed").doesNotContain("\tat ");
            assertThat(PgDump.run(db)).isEqualTo(now);
        }
    }

    private List<String> labels() throws Exception {
        return sqlFiles().stream().map(p -> p.getFileName().toString().replaceFirst("^\\d{8}_\\d{6}_", "")
                .replaceFirst("\\.sql(\\.gz)?$", "")).toList();
    }

    /** The snapshot files, newest first (names sort by time). */
    private List<Path> sqlFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{8}_\\d{6}_.*\\.sql(\\.gz)?"))
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
        }
    }
}
