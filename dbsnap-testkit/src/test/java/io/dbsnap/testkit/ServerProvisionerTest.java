package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProvisionerTest {

    @Test
    void noBinariesAndNoUrlGivesAClearError(@TempDir Path emptyDir) {
        ServerProvisioner bareMachine = new ServerProvisioner(name -> null, BinaryLocator.searching(List.of(emptyDir)));

        assertThatThrownBy(() -> bareMachine.provide(false))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("install the postgresql package or set DBSNAP_TEST_URL")
                .hasMessageContaining(emptyDir.toString());
    }

    @Test
    void theDemoFallsBackToPostgresFromMavenCentralOnABareMachine(@TempDir Path emptyDir) {
        ServerProvisioner bareMachine = new ServerProvisioner(name -> null, BinaryLocator.searching(List.of(emptyDir)));

        PostgresServer server = bareMachine.provide(true);

        assertThat(server.majorVersion()).isEqualTo(Integer.parseInt(PostgresServer.DEFAULT_EMBEDDED_VERSION));
        assertThat(server.toString()).contains("from Maven Central");
    }

    @Test
    void aGivenUrlIsUsedAsIsWithoutStartingAServer(@TempDir Path emptyDir) throws Exception {
        PostgresServer real = PostgresServer.shared();
        String url = "postgresql://" + real.user() + ":" + URLEncoder.encode(real.password(), StandardCharsets.UTF_8)
                + "@" + real.host() + ":" + real.port() + "/postgres";
        Map<String, String> env = Map.of(PostgresServer.URL_VARIABLE, url);
        ServerProvisioner provisioner = new ServerProvisioner(env::get, BinaryLocator.searching(List.of(emptyDir)));

        PostgresServer external = provisioner.provide(false);

        assertThat(external.port()).isEqualTo(real.port());
        assertThat(external.toString()).doesNotContain(real.password());
        try (TestDatabase db = external.createDatabase("external");
             Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
        }
    }

    @Test
    void localBinariesAreFoundOnThisMachine() {
        // CI installs the postgresql package when no server binaries are present.
        assertThat(BinaryLocator.standard().find()).isPresent();
    }
}
