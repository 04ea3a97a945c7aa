package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no server: --version, --help with examples for every command, usage errors (exit 2), -v, redaction. */
class CliUsageTest {

    private static final List<String> COMMANDS = List.of("snapshot", "list", "status", "show", "restore", "rollback", "diff",
            "verify", "migrate", "cleanup", "dump");

    @TempDir
    Path dir;

    @Test
    void versionNamesDbsnapsVersion() {
        CliRunner.Run run = new CliRunner().run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("dbsnap 0.1.0-SNAPSHOT\n");
    }

    @Test
    void everyCommandHasHelpWithExamplesAndTheTopHelpListsThemAll() {
        CliRunner.Run top = new CliRunner().run("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains(COMMANDS).contains("DBSNAP_DB_URL, DATABASE_URL, SUPABASE_DB_URL")
                .contains("3 verification found differences");
        for (String command : COMMANDS) {
            CliRunner.Run help = new CliRunner().run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: dbsnap " + command).contains("Examples:")
                    .contains("  dbsnap " + command).contains("--url=URL").contains("--dir=DIR");
        }
    }

    @Test
    void usageErrorsExitWith2InOneLineWithoutAStackTrace() {
        CliRunner cli = new CliRunner("s3cr3t");
        CliRunner.Run unknown = cli.run("snapshot", "x", "--purpse", "typo");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unknown options: '--purpse', 'typo'").contains("Try 'dbsnap snapshot --help'");

        assertThat(cli.run("restore").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);

        CliRunner.Run label = cli.run("snapshot", "bad label!", "--url", "postgresql://u:s3cr3t@localhost/db", "--dir", dir.toString());
        assertThat(label.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(label.err()).contains("Invalid snapshot label 'bad label!'").doesNotContain("\tat ");

        CliRunner.Run badUrl = cli.run("dump", "--url", "mysql://u:s3cr3t@localhost/db");
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUrl.err()).contains("The database URL from --url is not usable");
        assertThat(badUrl.err().lines()).hasSize(1);

        // picocli echoes what it cannot place: the password in it is hidden (CliRunner checks every run)
        CliRunner.Run echoed = cli.run("show", "latest", "postgresql://u:s3cr3t@localhost/db");
        assertThat(echoed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(echoed.err()).contains("postgresql://u:***@localhost/db");
        CliRunner.Run jdbc = cli.run("show", "latest", "jdbc:postgresql://localhost/db?user=u&password=s3cr3t");
        assertThat(jdbc.err()).contains("password=***");
    }

    @Test
    void aFailureIsOneLineAndVerboseAddsTheStackTrace() {
        CliRunner cli = new CliRunner();
        CliRunner.Run quiet = cli.run("show", "nothing_here", "--dir", dir.toString());
        assertThat(quiet.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(quiet.err().lines()).hasSize(1);
        assertThat(quiet.err()).startsWith("dbsnap show: No snapshot 'nothing_here' in " + dir);

        CliRunner.Run verbose = cli.run("-v", "show", "nothing_here", "--dir", dir.toString());
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(verbose.err()).startsWith("dbsnap show: No snapshot 'nothing_here'")
                .contains("io.dbsnap.errors.SnapshotNotFoundException").contains("\tat ");
    }

    @Test
    void listOfAnEmptyDirectorySaysHowToTakeASnapshot() {
        CliRunner.Run run = new CliRunner().run("list", "--dir", dir.resolve("none").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No snapshots in " + dir.resolve("none") + ". Take one with: dbsnap snapshot LABEL\n");
        assertThat(new CliRunner().run("list", "--json", "--dir", dir.toString()).out()).isEqualTo("[ ]\n");
    }
}
