package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cleanup's minimum age (snapshots younger than 7 days stay, whatever the options, unless
 * --ignore-minimum-age), its rules per kind, and the dry run saying which rule keeps or deletes each.
 */
class CliRetentionTest {

    @TempDir
    Path dir;

    @Test
    void explicitArgumentsCannotDeleteAYoungSnapshotWithoutTheNamedOverride() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_retention_floor")) {
            db.execute("CREATE TABLE t (id int)");
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            for (String label : List.of("first", "second", "third")) {
                assertThat(cli.run("snapshot", label).exitCode()).isZero();
            }
            String first = names().stream().filter(n -> n.endsWith("_first")).findFirst().orElseThrow();

            CliRunner.Run olderThan = cli.run("cleanup", "--older-than", "1m", "--yes", "--dry-run");
            assertThat(olderThan.out()).contains("3 kept, 0 to delete");
            assertThat(line(olderThan.out(), first)).startsWith("keep").contains("younger than 7 days (minimum age)");

            for (List<String> args : List.of(List.of("--keep-last", "1"), List.of("--older-than", "1m"), List.of(first))) {
                List<String> command = new java.util.ArrayList<>(List.of("cleanup", "--yes"));
                command.addAll(args);
                CliRunner.Run run = cli.run(command.toArray(String[]::new));
                assertThat(run.exitCode()).as(run.all()).isZero();
                assertThat(run.out()).as(String.join(" ", args)).contains("Nothing to delete.");
                assertThat(names()).as(String.join(" ", args)).hasSize(3);
            }

            CliRunner.Run named = cli.run("cleanup", first, "--ignore-minimum-age", "--dry-run");
            assertThat(line(named.out(), first)).startsWith("delete").contains("named, minimum age ignored");
            assertThat(line(named.out(), "_second")).startsWith("keep").contains("not named");

            CliRunner.Run deleted = cli.run("cleanup", first, "--ignore-minimum-age", "--yes");
            assertThat(deleted.exitCode()).as(deleted.all()).isZero();
            assertThat(names()).hasSize(2).noneMatch(n -> n.endsWith("_first"));
        }
    }

    @Test
    void olderThanADayCannotDeleteSnapshotsThreeDaysOldWithoutTheOverride() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_retention_older")) {
            db.execute("CREATE TABLE t (id int)");
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            for (String label : List.of("first", "second")) {
                assertThat(cli.run("snapshot", label).exitCode()).isZero();
            }
            // three days later, by the command's clock: older than --older-than 1d, younger than 7 days
            CliRunner later = cli.clockAhead(java.time.Duration.ofDays(3));

            CliRunner.Run kept = later.run("cleanup", "--older-than", "1d", "--yes");
            assertThat(kept.exitCode()).as(kept.all()).isZero();
            assertThat(line(kept.out(), "_first")).startsWith("keep")
                    .contains("younger than 7 days (minimum age)").doesNotContain("within 1 day");
            assertThat(kept.out()).contains("Nothing to delete.");
            assertThat(names()).hasSize(2);

            CliRunner.Run overridden = later.run("cleanup", "--older-than", "1d", "--ignore-minimum-age", "--yes");
            assertThat(overridden.exitCode()).as(overridden.all()).isZero();
            assertThat(names()).singleElement().asString().endsWith("_second");
        }
    }

    @Test
    void kindsKeepTheirOwnAgesFromOptionsAndTheEnvironment() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_retention_kinds")) {
            db.execute("CREATE TABLE t (id int)");
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "pre_migration_roles").exitCode()).isZero();
            assertThat(cli.run("snapshot", "checkpoint").exitCode()).isZero();

            CliRunner.Run byOption = cli.run("cleanup", "--keep-last", "1", "--ignore-minimum-age",
                    "--keep", "pre-migration=90d", "--dry-run");
            assertThat(line(byOption.out(), "_pre_migration_roles")).startsWith("keep").contains("pre-migration within 90 days");

            cli.env("DBSNAP_RETENTION", "manual=30d,pre-migration=90d");
            CliRunner.Run byEnvironment = cli.run("cleanup", "--keep-last", "1", "--ignore-minimum-age", "--dry-run");
            assertThat(line(byEnvironment.out(), "_pre_migration_roles")).contains("pre-migration within 90 days");
            assertThat(line(byEnvironment.out(), "_checkpoint")).contains("manual within 30 days");

            cli.env("DBSNAP_RETENTION", "");
            cli.env("DBSNAP_MINIMUM_AGE", "1m");
            CliRunner.Run lowered = cli.run("cleanup", "--keep-last", "1", "--dry-run", "--minimum-age", "30d");
            assertThat(line(lowered.out(), "_pre_migration_roles")).contains("younger than 30 days (minimum age)");

            CliRunner.Run badKind = cli.run("cleanup", "--keep", "weekly=3d", "--dry-run");
            assertThat(badKind.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badKind.err()).contains("no kind 'weekly'").contains("manual, pre-migration, safety and nightly");
            CliRunner.Run badAge = cli.run("cleanup", "--older-than", "soon", "--dry-run");
            assertThat(badAge.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badAge.err()).contains("--older-than").contains("30d");
            CliRunner.Run unknown = cli.run("cleanup", "20200101_000000_nothing", "--dry-run");
            assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknown.err()).contains("No snapshot named 20200101_000000_nothing");
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.replace(".sql", "")).toList();
        }
    }

    private static String line(String text, String name) {
        return text.lines().map(String::strip).filter(l -> l.contains(name)).findFirst().orElseThrow(
                () -> new AssertionError("no line for " + name + " in:\n" + text));
    }
}
