package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** PostgreSQL 17 from the binaries on Maven Central, whatever the machine has installed. */
@PostgresTest(version = "17")
class EmbeddedVersionTest {

    @Test
    void startsTheChosenMajorVersion(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getInt(1) / 10000).isEqualTo(17);
        }
        assertThat(db.server().majorVersion()).isEqualTo(17);
        assertThat(db.server()).isSameAs(PostgresServer.embedded("17.6.0"));
    }

    @Test
    void contribExtensionsComeWithTheBinaries(TestDatabase db) throws SQLException {
        db.execute("CREATE EXTENSION pgcrypto");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT encode(digest('abc', 'sha256'), 'hex')")) {
            rs.next();
            // SHA-256("abc") from FIPS 180-2, appendix B.1
            assertThat(rs.getString(1)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }

    @Test
    void anUnknownVersionIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> PostgresServer.embedded("9"))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("No PostgreSQL 9 binaries are known")
                .hasMessageContaining("17");
    }
}
