package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.ConnectionFailedException;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The URLs libpq users write work as they do with psql: unix-socket hosts, libpq's parameters,
 * and failures worded for the user (an unknown host named, a bad port refused in one line).
 * What each connection really is comes from the server ({@code inet_client_addr()}, {@code SHOW}).
 */
class CliLibpqUrlTest {

    @TempDir
    Path dir;

    private static String socketDirectory() {
        // the testkit's own servers listen on a unix socket too, where local connections are trusted
        return PostgresServer.shared().socketDirectory().orElseGet(() -> PostgresServer.startDedicated()
                .socketDirectory().orElseThrow()).toString();
    }

    private static String query(Database database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void bothUnixSocketFormsConnectThroughTheSocket() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_unix_socket")) {
            db.execute(Fixture.SCHEMA);
            String sockets = socketDirectory();
            int port = db.server().port();
            String asParameter = "postgresql:///" + db.name() + "?host=" + sockets + "&port=" + port + "&user=" + db.user();
            String asHost = "postgresql://" + encode(db.user()) + "@" + encode(sockets) + ":" + port + "/" + db.name();
            for (String url : new String[] {asParameter, asHost}) {
                Database database = Database.of(new Environment.Source(url, "the test"));
                // the server's view: a unix-socket client has no client address
                assertThat(query(database, "SELECT inet_client_addr() IS NULL")).as(url).isEqualTo("t");
                assertThat(query(database, "SELECT current_database()")).as(url).isEqualTo(db.name());
                assertThat(database.describe()).as(url).isEqualTo(db.user() + "@" + sockets + ":" + port + "/" + db.name());
            }

            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", asHost);
            CliRunner.Run snapshot = cli.run("snapshot", "over_socket", "--dir", dir.toString());
            assertThat(snapshot.exitCode()).as(snapshot.all()).isZero();
            // the metadata names the database as the user named it: the socket directory, not pgjdbc's stand-in host
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
                Path meta = files.filter(f -> f.toString().endsWith(".meta.yaml")).findFirst().orElseThrow();
                assertThat(java.nio.file.Files.readString(meta)).contains(db.user() + "@" + sockets + ":" + port + "/"
                        + db.name());
            }
            CliRunner.Run verify = cli.run("verify", "over_socket", "--url", asParameter, "--dir", dir.toString());
            assertThat(verify.exitCode()).as(verify.all()).isZero();
            assertThat(verify.out()).contains("Database OK");
        }
    }

    /**
     * pgjdbc's cancel (a second connection through the same factory) and its read timeout work over
     * the socket too: a statement timeout is a cancel sent by the driver, the socket timeout a read
     * that gives up. Each waits on a 30 s sleep that only these can end early.
     */
    @Test
    void cancelAndReadTimeoutWorkOverTheSocket() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_unix_socket_cancel")) {
            String url = "postgresql:///" + db.name() + "?host=" + encode(socketDirectory()) + "&port=" + db.server().port()
                    + "&user=" + db.user();
            Database database = Database.of(new Environment.Source(url, "the test"));
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.setQueryTimeout(1);
                assertThatThrownBy(() -> s.execute("SELECT pg_sleep(30)")).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
                // the connection is still usable after the cancel
                s.setQueryTimeout(0);
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertThat(rs.next()).isTrue();
                }
            }
            Database timingOut = Database.of(new Environment.Source(url + "&socketTimeout=1", "the test"));
            try (Connection c = timingOut.connect(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("SELECT pg_sleep(30)")).isInstanceOf(SQLException.class)
                        .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
                assertThat(c.isClosed()).isTrue();
            }
        }
    }

    @Test
    void libpqParametersReachTheSession() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_libpq_parameters")) {
            String url = CliRunner.url(db) + "?application_name=nightly_job&connect_timeout=7&sslmode=disable"
                    + "&options=" + encode("-c statement_timeout=4321 -c search_path=app");
            Database database = Database.of(new Environment.Source(url, "the test"));

            assertThat(query(database, "SHOW application_name")).isEqualTo("nightly_job");
            assertThat(query(database, "SHOW statement_timeout")).isEqualTo("4321ms");
            assertThat(query(database, "SHOW search_path")).isEqualTo("app");
            // libpq's connect_timeout is seconds, as pgjdbc's connectTimeout
            assertThat(((org.postgresql.ds.PGSimpleDataSource) database.dataSource()).getConnectTimeout()).isEqualTo(7);

            // the test server has no SSL: a URL that requires it must not quietly connect without
            Database requiringSsl = Database.of(new Environment.Source(CliRunner.url(db) + "?sslmode=require", "the test"));
            assertThatThrownBy(requiringSsl::connect).isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("does not support SSL");
        }
    }

    @Test
    void anUnknownHostIsNamed() {
        CliRunner.Run run = new CliRunner().run("snapshot", "x", "--url",
                "postgresql://app@db.exmaple.invalid:5432/shop", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Could not connect to", ": unknown host"
                + " db.exmaple.invalid", "Check the host name").doesNotContain("The connection attempt failed");
    }

    @Test
    void aBadPortIsOneLineOfOurs() {
        for (String url : new String[] {"postgresql://app@localhost:54x2/shop", "jdbc:postgresql://localhost:99999/shop",
                "postgresql:///shop?host=localhost&port=abc"}) {
            CliRunner.Run run = new CliRunner().run("snapshot", "x", "--url", url, "--dir", dir.toString());

            assertThat(run.exitCode()).as(url).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(url).contains("is not a number from 1 to 65535").doesNotContain("WARNING");
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        }
    }
}
