package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/dbsnap's class-data-sharing archive: built for the jar, used by the next runs (the JVM's
 * class-load log says where each class came from), built anew when the jar changes, and a stale,
 * truncated or garbage archive never breaks a run nor spoils its output.
 *
 * <p>Tagged {@code launcher}: it runs after the package phase built the jar (see dbsnap-cli/pom.xml).
 */
@Tag("launcher")
class CliClassDataArchiveTest {

    private static final String FROM_ARCHIVE = "source: shared objects file (top)";
    private static final String APP_CLASS = "io.dbsnap.cli.Main ";

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void theArchiveIsBuiltUsedRebuiltForANewJarAndAStaleOrDamagedOneIsIgnored() throws Exception {
        Path jar = dir.resolve("dbsnap-cli-test-all.jar");
        Files.copy(Path.of(System.getProperty("dbsnap.jar", "target/none.jar")), jar);
        Path archives = dir.resolve("cds");

        // without an archive: the run builds one first (DBSNAP_CDS=wait) and uses it
        Result first = version(jar, archives, "wait");
        assertThat(first.out()).contains("dbsnap 0.1.0-SNAPSHOT");
        Path archive = onlyArchive(archives);
        Result second = version(jar, archives, "on");
        assertThat(loadedFrom(second)).contains(FROM_ARCHIVE);

        // a new jar (another modification time): a new archive, the old one removed
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Result changed = version(jar, archives, "on");
        assertThat(loadedFrom(changed)).as("no archive matches the new jar yet").doesNotContain("shared objects file");
        // that run started building the new jar's archive in the background
        Path rebuilt = awaitArchiveOtherThan(archives, archive);
        assertThat(loadedFrom(version(jar, archives, "on"))).contains(FROM_ARCHIVE);

        // stale: the archive of another jar under this jar's name; the JVM refuses it, the run goes on
        Path other = dir.resolve("other-all.jar");
        Files.copy(jar, other);
        Files.setLastModifiedTime(other, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 120_000));
        version(other, dir.resolve("cds-other"), "wait");
        Path otherArchive = onlyArchive(dir.resolve("cds-other"));
        Files.copy(otherArchive, rebuilt, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(sizeFile(rebuilt), Files.size(rebuilt) + "\n");
        Result stale = version(jar, archives, "on");
        assertThat(loadedFrom(stale)).doesNotContain("shared objects file (top)");

        // garbage of the recorded size: the JVM refuses it; truncated: the launcher does not map it
        Files.writeString(rebuilt, "not an archive");
        Files.writeString(sizeFile(rebuilt), Files.size(rebuilt) + "\n");
        assertThat(loadedFrom(version(jar, archives, "on"))).doesNotContain("shared objects file (top)");
        Files.copy(otherArchive, rebuilt, StandardCopyOption.REPLACE_EXISTING);
        byte[] whole = Files.readAllBytes(rebuilt);
        Files.writeString(sizeFile(rebuilt), whole.length + "\n");
        Files.write(rebuilt, java.util.Arrays.copyOf(whole, whole.length / 3));
        Result truncated = version(jar, archives, "wait");
        assertThat(loadedFrom(truncated)).as("a truncated archive is rebuilt, then used").contains(FROM_ARCHIVE);

        // switched off: nothing built, nothing mapped
        Path none = dir.resolve("cds-off");
        assertThat(loadedFrom(version(jar, none, "off"))).doesNotContain("shared objects file (top)");
        assertThat(none).doesNotExist();
    }

    /** Waits (up to 3 minutes) until the background build left one finished archive, not {@code old}. */
    private static Path awaitArchiveOtherThan(Path archives, Path old) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(archives)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                if (names.stream().noneMatch(n -> n.endsWith(".tmp")) && names.size() == 2 && !names.contains(old.getFileName().toString())) {
                    Path archive = onlyArchive(archives);
                    assertThat(sizeFile(archive)).isRegularFile();
                    return archive;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new archive in " + archives + " after 3 minutes");
    }

    private static Path sizeFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".size");
    }

    private static Path onlyArchive(Path archives) throws IOException {
        try (Stream<Path> files = Files.list(archives)) {
            List<Path> jsa = files.filter(f -> f.toString().endsWith(".jsa")).toList();
            assertThat(jsa).hasSize(1);
            return jsa.get(0);
        }
    }

    /** The class-load log's line of dbsnap's main class: where it was loaded from. */
    private String loadedFrom(Result result) throws IOException {
        Path log = dir.resolve("classes.log");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(APP_CLASS)).findFirst().orElseThrow();
        }
    }

    /** {@code bin/dbsnap --version} on {@code jar}, its output checked, the class-load log in classes.log. */
    private Result version(Path jar, Path archives, String cds) throws Exception {
        Path launcher = Path.of(System.getProperty("dbsnap.launcher", "../bin/dbsnap"));
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString(), "--version"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("DBSNAP_"));
        env.putAll(Map.of("DBSNAP_JAR", jar.toString(), "DBSNAP_CDS_DIR", archives.toString(), "DBSNAP_CDS", cds,
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS", "-Xlog:class+load=info:file=" + dir.resolve("classes.log")));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("dbsnap --version did not finish in 3 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        assertThat(result.exitCode()).as(result.err()).isZero();
        // nothing of the archive's handling on stdout, where a dump goes
        assertThat(result.out()).startsWith("dbsnap 0.1.0-SNAPSHOT\nJava ");
        assertThat(result.out().lines()).hasSize(3);
        return result;
    }
}
