package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DBSNAP_PROTECTED: restore and rollback into a protected database need --approve-production besides --yes. */
class CliProtectedTargetsTest {

    @TempDir
    Path dir;

    @Test
    void restoreAndRollbackIntoAProtectedDatabaseAreRefusedUntilApproved() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_protected")) {
            db.execute("CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "before", "--data").exitCode()).isZero();
            db.execute("INSERT INTO t VALUES (2); CREATE TABLE added (id int)");
            String changed = PgDump.run(db) + PgDump.dataOnly(db);
            long filesBefore = files();

            // a host pattern that matches the test server's host, among others that do not
            String host = PostgresServer.shared().host();
            cli.env("DBSNAP_PROTECTED", "prod-db.example.com, " + host.substring(0, host.length() - 1) + "*");

            CliRunner.Run restore = cli.run("restore", "before", "--yes");
            assertThat(restore.exitCode()).as(restore.all()).isEqualTo(ExitCodes.FAILED);
            assertThat(restore.err()).contains("--approve-production").contains("protected database")
                    .contains("Nothing was changed");
            CliRunner.Run rollback = cli.run("rollback", "--emergency");
            assertThat(rollback.exitCode()).as(rollback.all()).isEqualTo(ExitCodes.FAILED);
            assertThat(rollback.err()).contains("--approve-production");
            // nothing changed: the database, and the directory (no safety snapshot, no restore.log)
            assertThat(PgDump.run(db) + PgDump.dataOnly(db)).isEqualTo(changed);
            assertThat(files()).isEqualTo(filesBefore);

            CliRunner.Run approved = cli.run("restore", "before", "--yes", "--approve-production");
            assertThat(approved.exitCode()).as(approved.all()).isZero();
            assertThat(PgDump.dataOnly(db)).doesNotContain("\n2\n");
        }
    }

    @Test
    void aUrlProtectsOnlyItsOwnDatabase() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_protected_url")) {
            db.execute("CREATE TABLE t (id int)");
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "s").exitCode()).isZero();
            String server = PostgresServer.shared().host() + ":" + PostgresServer.shared().port();

            cli.env("DBSNAP_PROTECTED", "postgresql://" + server + "/some_other_db");
            assertThat(cli.run("restore", "s", "--yes").exitCode()).isZero();

            cli.env("DBSNAP_PROTECTED", "postgresql://" + server + "/" + db.name());
            CliRunner.Run refused = cli.run("restore", "s", "--yes");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("--approve-production");
        }
    }

    private long files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
