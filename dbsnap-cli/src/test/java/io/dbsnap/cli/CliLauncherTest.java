package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/dbsnap as users run it: a separate process, the launcher script finding the runnable jar
 * the build made, stdin a pipe (no terminal), the URL in DATABASE_URL with its password.
 *
 * <p>Tagged {@code launcher}: Maven runs it in the integration-test phase, after the package
 * phase has built the jar (see dbsnap-cli/pom.xml).
 */
@Tag("launcher")
class CliLauncherTest {

    @TempDir
    Path dir;

    /** What one process printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    @Test
    void theLauncherRunsTheJarWithTheEnvironmentsUrlRefusesWithoutATerminalAndNeverPrintsThePassword() throws Exception {
        Path launcher = Path.of(System.getProperty("dbsnap.launcher", "../bin/dbsnap"));
        Path jar = Path.of(System.getProperty("dbsnap.jar", "target/none.jar"));
        assertThat(launcher).isExecutable();
        assertThat(jar).as("the runnable jar, built in the package phase").isRegularFile();

        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_launcher")) {
            db.execute(Fixture.SCHEMA);
            String password = db.password();
            Map<String, String> env = Map.of("DATABASE_URL", CliRunner.url(db), "DBSNAP_DIR", dir.toString());
            List<Result> all = new ArrayList<>();

            Result version = run(launcher, env, all, "--version");
            assertThat(version.exitCode()).as(version.err()).isZero();
            assertThat(version.out()).startsWith("dbsnap 0.1.0-SNAPSHOT\n");

            Result snapshot = run(launcher, env, all, "snapshot", "pre_migration", "--data", "--purpose", "launcher test");
            assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
            assertThat(snapshot.out()).contains("Snapshot created: " + dir).contains("  - 2 tables\n");

            JsonNode list = new ObjectMapper().readTree(run(launcher, env, all, "list", "--json").out());
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("purpose").asText()).isEqualTo("launcher test");

            String before = PgDump.run(db);
            db.execute("DELETE FROM app.users");
            Result refused = run(launcher, env, all, "restore", "latest");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err()).contains("Refusing to restore").contains("stdin is not a terminal");

            Result restored = run(launcher, env, all, "-v", "restore", "latest", "--yes");
            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("Verified:");
            // an INFO line of the library, shown only with -v, on stderr
            assertThat(restored.err()).contains("Safety snapshot of " + db.user() + "@");
            assertThat(PgDump.run(db)).isEqualTo(before);

            Result quiet = run(launcher, env, all, "restore", "pre_migration", "--yes", "--no-safety-snapshot");
            assertThat(quiet.exitCode()).as(quiet.err()).isZero();
            assertThat(quiet.err()).doesNotContain("DEBUG").doesNotContain("INFO");

            Result missing = run(launcher, env, all, "show", "no_such_snapshot");
            assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(missing.err().lines()).hasSize(1);

            Result noUrl = run(launcher, Map.of("DBSNAP_DIR", dir.toString()), all, "dump");
            assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.USAGE);

            for (Result result : all) {
                assertThat(result.out() + result.err()).doesNotContain(password);
            }
        }
    }

    /**
     * C1 alone for short commands, tiered compilation (C2 compiles SHA-256 to the CPU's SHA
     * instructions) for those that stream table data out: the JVM's own report of its flags
     * (PrintCommandLineFlags, on stdout before the command runs) says which a run got.
     */
    @Test
    void commandsThatStreamTableDataGetTheTieredCompilerAndTheOthersC1Alone() throws Exception {
        Path launcher = Path.of(System.getProperty("dbsnap.launcher", "../bin/dbsnap"));
        Map<String, String> env = Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags", "DBSNAP_CDS", "off",
                "DBSNAP_DIR", dir.toString());
        List<Result> all = new ArrayList<>();
        // no server at all: the flags are printed before the command fails to connect
        String url = "postgresql://nobody@127.0.0.1:1/none";
        assertThat(run(launcher, env, all, "--url", url, "dump").out()).contains("-XX:Tier4InvocationThreshold=100000")
                .doesNotContain("TieredStopAtLevel");
        assertThat(run(launcher, env, all, "--dir", dir.toString(), "snapshot", "x", "--data", "--url", url).out())
                .contains("-XX:Tier4InvocationThreshold=100000").doesNotContain("TieredStopAtLevel");
        assertThat(run(launcher, env, all, "dump", "-s", "--url", url).out()).contains("-XX:TieredStopAtLevel=1");
        // a directory named "dump" is no dump command
        assertThat(run(launcher, env, all, "--dir", "dump", "snapshot", "x", "--url", url).out())
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(run(launcher, env, all, "--version").out()).contains("-XX:TieredStopAtLevel=1");
    }

    /** Runs the launcher with only {@code env} of dbsnap's variables set, stdin an empty pipe. */
    private Result run(Path launcher, Map<String, String> env, List<Result> all, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        Environment.URL_VARIABLES.forEach(environment::remove);
        environment.remove("DBSNAP_DIR");
        environment.remove("DBSNAP_JAR");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("dbsnap " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        all.add(result);
        return result;
    }
}
