package io.dbsnap;

import io.dbsnap.connection.LibpqEnvironment;
import io.dbsnap.errors.ConnectionFailedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library completes a URL without a password from libpq's environment, given here as a map
 * (Snapshots.dataSource(url) reads the process's): PGPASSWORD, else the password file. The test
 * cluster asks for a password over TCP, so each connection proves which password was used.
 */
class LibraryCredentialsTest {

    private static final String PASSWORD = "lib pw \"q'uote\" co:lon";

    @TempDir
    Path home;

    private static String currentUser(DataSource source) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aUrlWithoutPasswordConnectsWithPgpasswordOrThePasswordFile() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String role = "dbsnap_lib_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = server.connect("postgres"); Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'");
        }
        try (TestDatabase db = server.createDatabase("lib_credentials")) {
            String url = "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/" + db.name();

            LibpqEnvironment env = new LibpqEnvironment(Map.of("PGPASSWORD", PASSWORD), Optional.of(home));
            assertThat(currentUser(Connections.dataSource(url, env))).isEqualTo(role);

            LibpqEnvironment wrong = new LibpqEnvironment(Map.of("PGPASSWORD", "wrong"), Optional.of(home));
            assertThatThrownBy(() -> currentUser(Connections.dataSource(url, wrong)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed")
                    .message().doesNotContain("lib pw");
            // opened by dbsnap, the failure says what to check, and never the password
            assertThatThrownBy(() -> Connections.open(Connections.dataSource(url, wrong)))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("password authentication failed")
                    .hasMessageContaining("Check the user and the password")
                    .hasMessageContaining("Nothing was changed")
                    .message().doesNotContain("=wrong").doesNotContain(" wrong");
            assertThatThrownBy(() -> Connections.open(Connections.dataSource(url + "_missing", env)))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("the database does not exist on that server")
                    .satisfies(e -> assertThat(((ConnectionFailedException) e).sqlState()).contains("3D000"));

            Path pgpass = home.resolve(".pgpass");
            Files.writeString(pgpass, server.host() + ":" + server.port() + ":*:" + role + ":"
                    + PASSWORD.replace(":", "\\:") + "\n");
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
            LibpqEnvironment file = new LibpqEnvironment(Map.of(), Optional.of(home));
            assertThat(currentUser(Connections.dataSource(url, file))).isEqualTo(role);
            // a password in the URL wins over both, as in libpq
            assertThatThrownBy(() -> currentUser(Connections.dataSource(url.replace(role + "@", role + ":nope@"), env)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        } finally {
            try (Connection admin = server.connect("postgres"); Statement s = admin.createStatement()) {
                s.execute("DROP ROLE " + role);
            }
        }
    }
}
