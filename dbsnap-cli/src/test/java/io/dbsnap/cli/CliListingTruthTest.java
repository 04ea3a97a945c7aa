package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code list} and {@code cleanup} tell what the directory really holds, and a rolled-back restore leaves nothing. */
class CliListingTruthTest {

    @TempDir
    Path dir;

    private List<Path> files(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private Path fileOf(String label, String suffix) throws Exception {
        return files(suffix).stream().filter(f -> f.getFileName().toString().contains("_" + label + "."))
                .findFirst().orElseThrow();
    }

    @Test
    void aTruncatedSnapshotAndADamagedMetadataFileAreFlaggedInOneLine() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_list_truth")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            for (String label : List.of("whole", "cut", "badmeta")) {
                assertThat(cli.run("snapshot", label, "--data", "--dir", dir.toString()).exitCode()).isZero();
            }
            Path cut = fileOf("cut", ".sql");
            long size = Files.size(cut);
            try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
                channel.truncate(size / 2);
            }
            Files.writeString(fileOf("badmeta", ".meta.yaml"), "label: \"badmeta\nkind: x\n");

            CliRunner.Run table = cli.run("list", "--dir", dir.toString());
            assertThat(table.exitCode()).isZero();
            String cutLine = table.out().lines().filter(l -> l.contains("cut")).findFirst().orElseThrow();
            assertThat(cutLine).contains("DAMAGED", "its SQL file has " + size / 2 + " bytes, its metadata records "
                    + size + ": it was truncated");
            assertThat(table.out().lines().filter(l -> l.contains("whole")).findFirst().orElseThrow())
                    .doesNotContain("DAMAGED");
            // one line per snapshot: no line of the parser's quoted YAML or its caret
            assertThat(table.out().lines().filter(l -> l.strip().equals("^") || l.contains("in 'reader'"))).isEmpty();
            String badLine = table.out().lines().filter(l -> l.contains("badmeta")).findFirst().orElseThrow();
            assertThat(badLine).contains("DAMAGED", "is not valid snapshot metadata", "(line ");

            JsonNode json = new ObjectMapper().readTree(cli.run("list", "--json", "--dir", dir.toString()).out());
            for (JsonNode entry : json) {
                boolean whole = entry.get("label").asText().equals("whole");
                assertThat(entry.get("damaged").isNull()).as(entry.toString()).isEqualTo(whole);
                assertThat(entry.get("damaged").asText()).doesNotContain("\n");
            }
        }
    }

    @Test
    void keepLastDoesNotCountSafetySnapshotsUnlessAsked() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_keep_last_safety")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).withoutTerminal();
            assertThat(cli.run("snapshot", "s1", "--data", "--dir", dir.toString()).exitCode()).isZero();
            assertThat(cli.run("snapshot", "s2", "--data", "--dir", dir.toString()).exitCode()).isZero();
            CliRunner.Run restore = cli.run("restore", "s1", "--yes", "--dir", dir.toString());
            assertThat(restore.exitCode()).as(restore.all()).isZero();
            assertThat(cli.run("snapshot", "s3", "--data", "--dir", dir.toString()).exitCode()).isZero();
            assertThat(files(".sql")).hasSize(4); // s1, s2, the restore's safety snapshot, s3

            String notCounted = cli.run("cleanup", "--keep-last", "2", "--dry-run", "--ignore-minimum-age",
                    "--dir", dir.toString()).out();
            assertThat(line(notCounted, "_s3")).startsWith("keep");
            assertThat(line(notCounted, "_before_restore")).startsWith("keep").contains("safety snapshots not counted");
            assertThat(line(notCounted, "_s2")).startsWith("keep").contains("among the last 2");
            assertThat(line(notCounted, "_s1")).startsWith("delete");

            String counted = cli.run("cleanup", "--keep-last", "2", "--count-safety-snapshots", "--dry-run", "--ignore-minimum-age",
                    "--dir", dir.toString()).out();
            assertThat(line(counted, "_before_restore")).startsWith("keep").contains("among the last 2");
            assertThat(line(counted, "_s2")).startsWith("delete");
            assertThat(line(counted, "_s1")).startsWith("delete");
        }
    }

    private static String line(String text, String name) {
        return text.lines().map(String::strip).filter(l -> l.contains(name)).findFirst().orElseThrow(
                () -> new AssertionError("no line for " + name + " in:\n" + text));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theSafetySnapshotOfARestoreThatRolledBackIsRemoved() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_safety_unused")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).withoutTerminal();
            assertThat(cli.run("snapshot", "v1", "--data", "--dir", dir.toString()).exitCode()).isZero();
            db.execute("DELETE FROM app.users WHERE id = 1");
            try (Connection reader = db.connect()) {
                reader.setAutoCommit(false);
                try (Statement s = reader.createStatement()) {
                    // a reader's lock lets the safety snapshot read, but keeps the restore from dropping the table
                    s.executeQuery("SELECT count(*) FROM app.users").close();
                }
                CliRunner.Run run = cli.run("restore", "v1", "--yes", "--dir", dir.toString(), "--lock-timeout", "0.3");
                assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.LOCKED);
                assertThat(run.err()).contains("rolled back");
                reader.rollback();
            }
            assertThat(files(".sql")).as("only v1: the rolled-back restore's safety snapshot is gone").hasSize(1)
                    .allMatch(f -> f.getFileName().toString().contains("_v1."));
            assertThat(files(".meta.yaml")).hasSize(1);
        }
    }
}
