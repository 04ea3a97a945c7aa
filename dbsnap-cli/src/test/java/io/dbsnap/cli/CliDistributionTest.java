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
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.DriverInfo;

/**
 * The distribution archive as a user installs it: built by the package phase, unpacked into a
 * temporary directory outside the source tree, and its {@code bin/dbsnap} run against a real
 * server reached through its unix socket, with a password the server asks for (the test's own
 * server, where unix-socket logins are switched from trust to scram-sha-256), taken once from
 * PGPASSWORD and once from a {@code .pgpass} file. Also: the archive's contents, the zip's
 * equal to the tar's, {@code --version}, the man page rendering and the bash completion.
 *
 * <p>Tagged {@code launcher}: Maven runs it in the integration-test phase, after the package phase
 * has built the archive (see dbsnap-cli/pom.xml).
 */
@Tag("launcher")
class CliDistributionTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String ROLE = "dist_user";
    private static final String PASSWORD = "dist-Pw 7";
    /** dbsnap's commands, listed by hand: the man page and the completion must know each. */
    private static final List<String> COMMANDS = List.of("snapshot", "list", "show", "restore", "rollback", "diff",
            "verify", "migrate", "cleanup", "dump");

    private static PostgresServer server;
    private static Path sockets;

    @TempDir
    static Path install;

    @TempDir
    Path work;

    /** What one process printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void unpackAndRequirePasswordsOnTheSocket() throws Exception {
        Path archive = Path.of(System.getProperty("dbsnap.distribution", "target/dbsnap-" + VERSION + ".tar.gz"));
        assertThat(archive).as("the distribution archive, built in the package phase").isRegularFile();
        assertThat(install.toAbsolutePath().toString()).doesNotStartWith(Path.of("").toAbsolutePath().getParent().toString());
        Result untar = run(List.of("tar", "-xzf", archive.toString(), "-C", install.toString()), Map.of(), install);
        assertThat(untar.exitCode()).as(untar.err()).isZero();

        server = PostgresServer.startDedicated();
        sockets = server.socketDirectory().orElseThrow();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            String hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = rs.getString(1);
            }
            // a socket login must now give a password, so that PGPASSWORD and .pgpass are what let it in
            s.execute("COPY (VALUES ('local all all scram-sha-256'), ('host all all 127.0.0.1/32 scram-sha-256'),"
                    + " ('host all all ::1/128 scram-sha-256')) TO '" + hba + "'");
            s.execute("SELECT pg_reload_conf()");
            s.execute("CREATE ROLE " + ROLE + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
        }
    }

    private static Path home() {
        return install.resolve("dbsnap-" + VERSION);
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarTheDocsTheCompletionAndTheManPageAndTheZipTheSame() throws Exception {
        Path home = home();
        assertThat(home.resolve("bin/dbsnap")).isExecutable();
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).containsExactly("dbsnap-cli-" + VERSION + "-all.jar");
        }
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("LICENSE")).isRegularFile();
        assertThat(home.resolve("share/man/man1/dbsnap.1")).isRegularFile();
        assertThat(home.resolve("share/bash-completion/completions/dbsnap")).isRegularFile();

        List<String> tarFiles;
        try (Stream<Path> all = Files.walk(install)) {
            tarFiles = all.filter(Files::isRegularFile).map(p -> install.relativize(p).toString()).sorted().toList();
        }
        Path zip = Path.of(System.getProperty("dbsnap.distribution", "target/dbsnap-" + VERSION + ".tar.gz").replace(".tar.gz", ".zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).sorted().toList()).isEqualTo(tarFiles);
        }
    }

    @Test
    void versionNamesDbsnapJavaAndTheDriver() throws Exception {
        Result version = dbsnap(Map.of(), work, "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("dbsnap " + VERSION + "\nJava " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")\nPostgreSQL JDBC driver " + DriverInfo.DRIVER_VERSION + "\n");
    }

    @Test
    void theManPageRendersAndNamesEveryCommand() throws Exception {
        Path page = home().resolve("share/man/man1/dbsnap.1");
        // plain ASCII without bold or underlining by overstrike, as man shows it on a dumb terminal
        Result rendered = run(List.of("groff", "-man", "-Tascii", "-P-cbou", "-ww", page.toString()), Map.of(), work);
        assertThat(rendered.exitCode()).as(rendered.err()).isZero();
        assertThat(rendered.err()).as("groff's warnings").isEmpty();
        assertThat(rendered.out().replaceAll(" +", " ")).contains("dbsnap - Snapshots of PostgreSQL databases")
                .contains("--url=URL");
        for (String command : COMMANDS) {
            assertThat(rendered.out()).as(command).containsPattern("(?m)^ +dbsnap " + command + "$");
        }
    }

    @Test
    void theBashCompletionCompletesCommandsAndOptions() throws Exception {
        Path completion = home().resolve("share/bash-completion/completions/dbsnap");
        String script = "source '" + completion + "'; COMP_WORDS=(dbsnap \"$1\"); COMP_CWORD=1; COMP_LINE=\"dbsnap $1\";"
                + " COMP_POINT=${#COMP_LINE}; _picocli_dbsnap; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Result commands = run(List.of("bash", "-c", script, "complete", ""), Map.of(), work);
        assertThat(commands.exitCode()).as(commands.err()).isZero();
        assertThat(commands.out().lines().toList()).containsAll(COMMANDS);
        Result sn = run(List.of("bash", "-c", script, "complete", "sn"), Map.of(), work);
        assertThat(sn.out().lines().toList()).containsExactly("snapshot");
    }

    @Test
    void snapshotListAndRestoreOverTheUnixSocketWithThePasswordFromPgpassword() throws Exception {
        try (TestDatabase db = server.createDatabase("dist_pgpassword")) {
            db.execute(Fixture.SCHEMA);
            Map<String, String> env = new HashMap<>(Map.of("DBSNAP_DB_URL", socketUrl(db), "PGPASSWORD", PASSWORD,
                    "DBSNAP_DIR", work.resolve("snaps").toString(), "HOME", work.resolve("home").toString()));
            snapshotListRestore(db, env, work.resolve("snaps"));

            env.remove("PGPASSWORD");
            Result refused = dbsnap(env, work, "snapshot", "no_password");
            assertThat(refused.exitCode()).as("without a password the socket login is refused: the password was needed")
                    .isEqualTo(ExitCodes.FAILED);
        }
    }

    @Test
    void snapshotListAndRestoreOverTheUnixSocketWithThePasswordFromPgpassInASupabaseProject() throws Exception {
        try (TestDatabase db = server.createDatabase("dist_pgpass")) {
            db.execute(Fixture.SCHEMA);
            Path home = Files.createDirectories(work.resolve("home"));
            Path pgpass = home.resolve(".pgpass");
            Files.writeString(pgpass, sockets + ":" + server.port() + ":" + db.name() + ":" + ROLE + ":" + PASSWORD + "\n");
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
            // a Supabase project: no --dir, no DBSNAP_DIR, and the snapshots go to supabase/snapshots
            Path project = Files.createDirectories(work.resolve("project"));
            Files.createDirectories(project.resolve("supabase"));
            Map<String, String> env = Map.of("DBSNAP_DB_URL", socketUrl(db), "HOME", home.toString());
            snapshotListRestore(db, env, project.resolve("supabase/snapshots"));
            assertThat(project.resolve("snapshots")).doesNotExist();
        }
    }

    /**
     * {@code snapshot --data}, {@code list --json} (the snapshot in {@code expectedDir}, the
     * directory of the environment or the default), rows deleted, {@code restore latest --yes},
     * and pg_dump finds the database as it was.
     */
    private void snapshotListRestore(TestDatabase db, Map<String, String> env, Path expectedDir) throws Exception {
        Path cwd = expectedDir.getParent().getFileName().toString().equals("supabase")
                ? expectedDir.getParent().getParent() : work;
        Result snapshot = dbsnap(env, cwd, "snapshot", "before_change", "--data");
        assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
        try (Stream<Path> files = Files.list(expectedDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("before_change") && n.endsWith(".sql"));
        }
        Result list = dbsnap(env, cwd, "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode listed = new ObjectMapper().readTree(list.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("label").asText()).isEqualTo("before_change");

        String before = PgDump.run(db);
        db.execute("DELETE FROM app.users");
        Result restore = dbsnap(env, cwd, "restore", "latest", "--yes", "--no-safety-snapshot");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(PgDump.run(db)).isEqualTo(before);
        for (Result result : List.of(snapshot, list, restore)) {
            assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
        }
    }

    /** The socket directory as the host parameter, as libpq writes it. */
    private static String socketUrl(TestDatabase db) {
        return "postgresql:///" + db.name() + "?host=" + sockets + "&port=" + server.port() + "&user=" + ROLE;
    }

    private static Result dbsnap(Map<String, String> env, Path cwd, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home().resolve("bin/dbsnap").toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(env);
        all.put("JAVA_HOME", System.getProperty("java.home"));
        all.put("DBSNAP_CDS_DIR", install.resolve("cds").toString());
        return run(command, all, cwd);
    }

    /** Runs {@code command} in {@code cwd} with dbsnap's and libpq's variables removed, then {@code env} added; stdin empty. */
    private static Result run(List<String> command, Map<String, String> env, Path cwd) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("DBSNAP_") || k.startsWith("PG") || Environment.URL_VARIABLES.contains(k));
        environment.putAll(env);
        Path out = Files.createTempFile("dbsnap-dist", ".out");
        Path err = Files.createTempFile("dbsnap-dist", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 3 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
