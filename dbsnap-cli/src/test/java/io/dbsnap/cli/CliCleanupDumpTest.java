package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbsnap cleanup (confirmation, dry run, what is kept) and dbsnap dump (its SQL judged by psql and pg_dump). */
class CliCleanupDumpTest {

    @TempDir
    Path dir;

    @Test
    void cleanupShowsThePlanRefusesWithoutATerminalAndDeletesOnlyWhatItShowed() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_cleanup")) {
            db.execute("CREATE TABLE t (id int)");
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            for (String label : List.of("baseline", "first", "second")) {
                assertThat(cli.run("snapshot", label).exitCode()).isZero();
            }

            CliRunner.Run standard = cli.run("cleanup");
            assertThat(standard.exitCode()).isZero();
            assertThat(standard.out()).contains("3 kept, 0 to delete").contains("Nothing to delete.");

            // the snapshots are seconds old: only the named override of the minimum age lets --keep-last delete one
            CliRunner.Run refused = cli.run("cleanup", "--keep-last", "1", "--ignore-minimum-age");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.out()).containsPattern("delete\\s+\\d{8}_\\d{6}_first");
            assertThat(refused.err()).contains("Refusing to delete 1 snapshot").contains("--yes");
            assertThat(labels()).containsExactlyInAnyOrder("baseline", "first", "second");

            CliRunner.Run dryRun = cli.answering("yes").run("cleanup", "--keep-last", "1", "--dry-run",
                    "--ignore-minimum-age");
            assertThat(dryRun.out()).contains("2 kept, 1 to delete").contains("Dry run: nothing was deleted.");
            assertThat(labels()).containsExactlyInAnyOrder("baseline", "first", "second");

            CliRunner.Run applied = cli.withoutTerminal().run("cleanup", "--keep-last", "1", "--yes",
                    "--ignore-minimum-age");
            assertThat(applied.exitCode()).isZero();
            assertThat(applied.out()).containsPattern("keep\\s+\\d{8}_\\d{6}_baseline\\s+protected label")
                    .contains("Deleted 1 snapshot from " + dir);
            assertThat(labels()).containsExactlyInAnyOrder("baseline", "second");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("_first."));
            }
        }
    }

    @Test
    void dumpWritesSchemaAndDataToStdoutThatPsqlRestoresToWhatPgDumpSeesInTheSource() throws Exception {
        try (TestDatabase source = PostgresServer.shared().createDatabase("cli_dump_src");
             TestDatabase target = PostgresServer.shared().createDatabase("cli_dump_dst")) {
            source.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("SUPABASE_DB_URL", CliRunner.url(source));

            CliRunner.Run dump = cli.run("dump");
            assertThat(dump.exitCode()).as(dump.err()).isZero();
            Path file = dir.resolve("dump.sql");
            Files.writeString(file, dump.out(), StandardCharsets.UTF_8);
            Psql.runFile(target, file);
            // owners and grants by default, as plain pg_dump
            assertThat(PgDump.run(target)).isEqualTo(PgDump.run(source));

            String schemaOnly = cli.run("dump", "--schema-only", "--clean", "--no-owner", "--table", "app.users").out();
            assertThat(schemaOnly).contains("DROP TABLE IF EXISTS app.users").contains("CREATE TABLE app.users")
                    .doesNotContain("COPY ").doesNotContain("CREATE TABLE app.audit").doesNotContain("OWNER TO");
            String dataOnly = cli.run("dump", "--data-only", "--exclude-table-data", "app.audit").out();
            assertThat(dataOnly).contains("COPY app.users").doesNotContain("COPY app.audit")
                    .doesNotContain("CREATE TABLE");
            assertThat(cli.run("dump", "--schema-only", "--schema", "app").out()).contains("OWNER TO");
            // the old flag that asked for owners still parses
            assertThat(cli.run("dump", "--schema-only", "--owners", "--schema", "app").out()).contains("OWNER TO");
            assertThat(cli.run("dump", "--schema-only", "-O", "-x", "--schema", "app").out())
                    .doesNotContain("OWNER TO").doesNotContain("GRANT ").doesNotContain("REVOKE ");

            CliRunner.Run both = cli.run("dump", "--schema-only", "--data-only");
            assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(both.err()).contains("mutually exclusive");
        }
    }

    @Test
    void dumpToAFileTakesPgDumpsShortOptionsAndLeavesAnOlderFileAsItWasWhenItFails() throws Exception {
        try (TestDatabase source = PostgresServer.shared().createDatabase("cli_dump_file_src");
             TestDatabase target = PostgresServer.shared().createDatabase("cli_dump_file_dst")) {
            source.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(source));
            Path file = dir.resolve("app.sql");

            // -s -n -f as with pg_dump: the same SQL as the long options print to stdout, and nothing on stdout
            CliRunner.Run toFile = cli.run("dump", "-s", "-n", "app", "-f", file.toString());
            assertThat(toFile.exitCode()).as(toFile.err()).isZero();
            assertThat(toFile.out()).isEmpty();
            String written = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(written).isEqualTo(cli.run("dump", "--schema-only", "--schema", "app").out())
                    .contains("CREATE TABLE app.users").doesNotContain("COPY ");
            // judged by pg_dump: psql loads the file into an empty database, whose schema is then the source's
            target.execute("DROP SCHEMA IF EXISTS app CASCADE");
            Psql.runFile(target, file);
            assertThat(PgDump.run(target, "--schema-only", "--schema", "app"))
                    .isEqualTo(PgDump.run(source, "--schema-only", "--schema", "app"));
            // -a -t -T
            String dataOnly = cli.run("dump", "-a", "-t", "app.*", "-T", "app.audit").out();
            assertThat(dataOnly).contains("COPY app.users").doesNotContain("COPY app.audit").doesNotContain("CREATE TABLE");

            // a dump that fails (no such database) leaves the older file as it was and no partial file beside it
            Files.writeString(file, "-- an older dump\n");
            CliRunner.Run failed = cli.run("dump", "-f", file.toString(), "--url",
                    CliRunner.url(source).replace("cli_dump_file_src", "cli_dump_file_missing"));
            assertThat(failed.exitCode()).isNotZero();
            assertThat(Files.readString(file)).isEqualTo("-- an older dump\n");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("app.sql");
            }

            // a directory that does not exist is named in the refusal
            CliRunner.Run nowhere = cli.run("dump", "-f", dir.resolve("missing/app.sql").toString());
            assertThat(nowhere.exitCode()).isNotZero();
            assertThat(nowhere.err()).contains("missing").contains("does not exist");
            assertThat(dir.resolve("missing")).doesNotExist();
        }
    }

    private List<String> labels() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.replaceFirst("^\\d{8}_\\d{6}_", "").replace(".sql", "")).toList();
        }
    }
}
