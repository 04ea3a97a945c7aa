package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented way of giving the password, against a role of its own whose password has
 * spaces, quotes, a colon and a backslash. The test cluster asks for a password over TCP
 * (initdb --auth-host=scram-sha-256), and a wrong password is shown to fail, so a success means
 * the password given was the one used. No run may print it, and no file dbsnap writes may hold it.
 */
class CliCredentialsTest {

    private static final String PASSWORD = "Zq pw \"quo'te\" co:lon back\\slash Jx";

    @TempDir
    Path tmp;

    private final PostgresServer server = PostgresServer.shared();
    private final String role = "dbsnap_cred_" + UUID.randomUUID().toString().substring(0, 8);
    private TestDatabase db;
    private Path dir;

    @BeforeEach
    void createRole() throws Exception {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + PASSWORD.replace("'", "''") + "'");
        }
        db = server.createDatabase("cli_credentials");
        db.execute(Fixture.SCHEMA);
        dir = tmp.resolve("snapshots");
    }

    @AfterEach
    void dropRole() throws Exception {
        db.close();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE " + role);
        }
    }

    private CliRunner cli() {
        String encoded = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        return new CliRunner(PASSWORD, encoded, encoded.replace("+", "%20"), "Zq pw", "back\\slash",
                server.password()).env("DBSNAP_DIR", dir.toString()).env("HOME", tmp.resolve("empty-home").toString());
    }

    private String urlWithoutPassword() {
        return "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/" + db.name();
    }

    private String urlWithPassword() {
        return "postgresql://" + role + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20")
                + "@" + server.host() + ":" + server.port() + "/" + db.name();
    }

    /** A .pgpass line for this database, with the colon and backslash escaped as libpq reads them. */
    private String pgpassLine(String host) {
        return host + ":" + server.port() + ":" + db.name() + ":" + role + ":"
                + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n";
    }

    private Path privateFile(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void succeeded(CliRunner.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Snapshot created");
    }

    private static void refusedByServer(CliRunner.Run run) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("password authentication failed for user");
    }

    private static void noPasswordGiven(CliRunner.Run run) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("no password was provided");
    }

    @Test
    void pgpasswordAndAWrongOneToShowItIsUsed() {
        String url = urlWithoutPassword();
        succeeded(cli().env("PGPASSWORD", PASSWORD).run("snapshot", "via_env", "--url", url));
        refusedByServer(cli().env("PGPASSWORD", PASSWORD + "x").run("snapshot", "wrong_env", "--url", url));
        noPasswordGiven(cli().run("snapshot", "no_password", "--url", url));
    }

    @Test
    void aPasswordFileFromPgpassfileOrTheHomeDirectoryUsedOnlyWhenPrivate() throws Exception {
        String url = urlWithoutPassword();
        Path file = privateFile(tmp.resolve("secrets").resolve("pgpass"),
                "# dbsnap test\nother:1:x:y:wrong\n" + pgpassLine(server.host()));
        succeeded(cli().env("PGPASSFILE", file.toString()).run("snapshot", "via_pgpassfile", "--url", url));

        Path home = tmp.resolve("home");
        privateFile(home.resolve(".pgpass"), "*:*:*:" + role + ":" + PASSWORD.replace("\\", "\\\\").replace(":", "\\:")
                + "\n");
        succeeded(cli().env("HOME", home.toString()).run("snapshot", "via_home_pgpass", "--url", url));

        // readable by others: ignored, as libpq ignores it
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        noPasswordGiven(cli().env("PGPASSFILE", file.toString()).run("snapshot", "public_pgpass", "--url", url));
    }

    @Test
    void pgVariablesNameTheDatabaseWhenNoUrlIsGiven() throws Exception {
        CliRunner.Run run = cli().env("PGHOST", server.host()).env("PGPORT", String.valueOf(server.port()))
                .env("PGUSER", role).env("PGDATABASE", db.name()).env("PGPASSWORD", PASSWORD)
                .run("snapshot", "via_pg_variables");

        succeeded(run);
        assertThat(run.err()).doesNotContain("Warning");
        Path metadata = filesUnder(dir).stream().filter(f -> f.toString().endsWith(".meta.yaml")).findFirst().orElseThrow();
        assertThat(Files.readString(metadata)).contains(role + "@" + server.host() + ":" + server.port() + "/" + db.name());
    }

    @Test
    void passwordFileOptionAndNotTwoPasswordsAtOnce() throws Exception {
        Path secret = privateFile(tmp.resolve("db-password"), PASSWORD + "\n");
        Path wrong = privateFile(tmp.resolve("wrong-password"), "not it\n");

        succeeded(cli().run("snapshot", "via_option", "--url", urlWithoutPassword(), "--password-file", secret.toString()));
        refusedByServer(cli().run("snapshot", "wrong_file", "--url", urlWithoutPassword(), "--password-file",
                wrong.toString()));
        CliRunner.Run twice = cli().run("snapshot", "twice", "--url", urlWithPassword(), "--password-file",
                secret.toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("given twice");
        // the file wins over PGPASSWORD, as a URL's password would
        succeeded(cli().env("PGPASSWORD", "not it").run("snapshot", "file_over_env", "--url", urlWithoutPassword(),
                "--password-file", secret.toString()));
    }

    @Test
    void aPasswordInUrlWorksWithOneWarningAndNoFileHoldsAnyPassword() throws Exception {
        CliRunner.Run run = cli().run("snapshot", "via_url", "--data", "--url", urlWithPassword());
        succeeded(run);
        assertThat(warnings(run)).isEqualTo(1);
        assertThat(run.err()).contains("PGPASSWORD").contains("--password-file");

        // two URLs with passwords in one command line: still one warning
        CliRunner.Run diff = cli().run("diff", urlWithPassword(), urlWithPassword());
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(warnings(diff)).isEqualTo(1);

        CliRunner.Run quiet = cli().env("DATABASE_URL", urlWithPassword()).run("snapshot", "via_database_url");
        succeeded(quiet);
        assertThat(warnings(quiet)).isZero();

        for (Path file : filesUnder(dir)) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            assertThat(text).as("%s", file).doesNotContain("Zq pw").doesNotContain("Zq+pw").doesNotContain("Zq%20pw");
        }
        assertThat(filesUnder(dir)).hasSizeGreaterThanOrEqualTo(6);
    }

    private static long warnings(CliRunner.Run run) {
        return run.err().lines().filter(l -> l.startsWith("Warning: the password in")).count();
    }

    private static List<Path> filesUnder(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
