package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where dbsnap writes, and how: every file where the plan said (the safety snapshot and
 * restore.log in --dir, also when the snapshot restored is named by a path elsewhere), created
 * 0600 in directories it creates 0700, and never through a symbolic link.
 */
class CliFilePlacesTest {

    @TempDir
    Path tmp;

    private static List<Path> filesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aRestoreByPathWritesItsSafetySnapshotAndLogIntoDirAndEveryFileIsPrivate() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_places")) {
            db.execute(Fixture.SCHEMA);
            Path elsewhere = tmp.resolve("archive");
            Path dir = tmp.resolve("new").resolve("snapshots");
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            assertThat(cli.run("snapshot", "kept", "--data", "--dir", elsewhere.toString()).exitCode()).isZero();
            Path file = filesIn(elsewhere).stream().filter(f -> f.toString().endsWith(".sql")).findFirst().orElseThrow();
            List<Path> archived = filesIn(elsewhere);
            String before = PgDump.run(db, "--no-owner");
            db.execute("DELETE FROM app.users");

            CliRunner.Run restored = cli.run("restore", file.toString(), "--yes", "--dir", dir.toString());

            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before);
            // announced and done: into --dir, nothing added beside the file restored
            assertThat(restored.err()).contains("safety snapshot of the current state (before_restore) to " + dir);
            assertThat(filesIn(elsewhere)).isEqualTo(archived);
            assertThat(filesIn(dir)).extracting(f -> f.getFileName().toString())
                    .contains("restore.log").anyMatch(f -> f.endsWith("_before_restore.sql"));
            assertThat(restored.out()).contains("Safety snapshot: " + dir).contains("--dir " + dir);
            assertThat(Files.readString(dir.resolve("restore.log"))).contains("snapshot=" + file.getFileName());

            for (Path created : List.of(dir, dir.getParent(), elsewhere)) {
                assertThat(mode(created)).as("%s", created).isEqualTo("rwx------");
            }
            for (Path written : Stream.concat(filesIn(dir).stream(), filesIn(elsewhere).stream()).toList()) {
                assertThat(mode(written)).as("%s", written).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aSymbolicLinkWhereRestoreLogGoesIsRefusedAndNotFollowed() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_log_link")) {
            db.execute(Fixture.SCHEMA);
            Path dir = tmp.resolve("snapshots");
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "kept", "--data").exitCode()).isZero();
            Path victim = tmp.resolve("victim.txt");
            Files.writeString(victim, "not a log\n");
            Files.createSymbolicLink(dir.resolve("restore.log"), victim);
            db.execute("DELETE FROM app.users");
            String changed = PgDump.run(db, "--no-owner");

            CliRunner.Run refused = cli.run("restore", "kept", "--yes");

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("restore.log").contains("symbolic link").contains("nothing was changed");
            assertThat(Files.readString(victim)).isEqualTo("not a log\n");
            assertThat(Files.isSymbolicLink(dir.resolve("restore.log"))).isTrue();
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(changed);
        }
    }

    @Test
    void aDanglingSymbolicLinkAsDirIsAClearErrorAndTheLinkIsKept() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_dir_link")) {
            db.execute(Fixture.SCHEMA);
            Path link = tmp.resolve("snapshots");
            Path nowhere = tmp.resolve("mounted-volume");
            Files.createSymbolicLink(link, nowhere);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));

            CliRunner.Run failed = cli.run("snapshot", "kept", "--dir", link.toString());

            assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(failed.err()).contains("symbolic link to " + nowhere).contains("does not exist")
                    .doesNotContain("already exists");
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(Files.readSymbolicLink(link)).isEqualTo(nowhere);
            assertThat(nowhere).doesNotExist();
        }
    }
}
