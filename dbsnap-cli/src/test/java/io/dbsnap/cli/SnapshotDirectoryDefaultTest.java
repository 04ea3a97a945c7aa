package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where snapshots go when --dir is not given: $DBSNAP_DIR, a Supabase project's supabase/snapshots, else ./snapshots. */
class SnapshotDirectoryDefaultTest {

    @TempDir
    Path cwd;

    @Test
    void aSupabaseProjectFolderMakesTheDefaultSupabaseSnapshots() throws Exception {
        Files.createDirectories(cwd.resolve("supabase"));
        assertThat(new Environment(Map.of(), cwd).snapshotDirectory(null)).isEqualTo(cwd.resolve("supabase/snapshots"));
    }

    @Test
    void withoutOneTheDefaultIsSnapshots() throws Exception {
        assertThat(new Environment(Map.of(), cwd).snapshotDirectory(null)).isEqualTo(cwd.resolve("snapshots"));
        // a file named supabase is not a project folder
        Files.writeString(cwd.resolve("supabase"), "");
        assertThat(new Environment(Map.of(), cwd).snapshotDirectory(null)).isEqualTo(cwd.resolve("snapshots"));
    }

    @Test
    void theDirOptionAndDbsnapDirWinOverTheSupabaseFolder() throws Exception {
        Files.createDirectories(cwd.resolve("supabase"));
        Environment withVariable = new Environment(Map.of("DBSNAP_DIR", "/var/snaps"), cwd);
        assertThat(withVariable.snapshotDirectory(null)).isEqualTo(Path.of("/var/snaps"));
        assertThat(withVariable.snapshotDirectory(Path.of("given"))).isEqualTo(Path.of("given"));
        assertThat(new Environment(Map.of(), cwd).snapshotDirectory(Path.of("given"))).isEqualTo(Path.of("given"));
    }

    @Test
    void helpSaysSo() {
        CliRunner.Run help = new CliRunner().run("--help");
        // compared without white space: picocli wraps the text at the terminal's width
        assertThat(help.out().replaceAll("\\s+", "")).contains(("--dir=DIR The snapshot directory, or a bucket as s3://bucket/prefix."
                + " Default: $DBSNAP_DIR,"
                + " else ./supabase/snapshots when ./supabase/ exists (a Supabase project), else ./snapshots.")
                .replace(" ", ""));
    }
}
