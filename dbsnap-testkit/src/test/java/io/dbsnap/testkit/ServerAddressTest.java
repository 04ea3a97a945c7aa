package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void parsesTheLibpqFormHostsHandOut() {
        ServerAddress a = ServerAddress.parse("postgresql://app%40corp:s3cr%3At@db.example.com:6543/my%20db?sslmode=require");

        assertThat(a.host()).isEqualTo("db.example.com");
        assertThat(a.port()).isEqualTo(6543);
        assertThat(a.database()).isEqualTo("my db");
        assertThat(a.user()).isEqualTo("app@corp");
        assertThat(a.password()).isEqualTo("s3cr:t");
        assertThat(a.parameters()).isEqualTo(Map.of("sslmode", "require"));
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/my+db?sslmode=require");
    }

    @Test
    void parsesTheJdbcForm() {
        ServerAddress a = ServerAddress.parse("jdbc:postgresql://h:5433/d?user=u&password=p&ApplicationName=x");

        assertThat(a).extracting(ServerAddress::host, ServerAddress::port, ServerAddress::database,
                ServerAddress::user, ServerAddress::password).containsExactly("h", 5433, "d", "u", "p");
        assertThat(a.parameters()).containsEntry("ApplicationName", "x").doesNotContainKeys("user", "password");
    }

    @Test
    void neverShowsThePassword() {
        ServerAddress a = ServerAddress.parse("postgresql://u:hunter2@h/d");

        assertThat(a.toString()).isEqualTo("u@h:5432/d");
        assertThat(a.jdbcUrl()).doesNotContain("hunter2");
        assertThatThrownBy(() -> ServerAddress.parse("mysql://u:hunter2@h/d"))
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
    }
}
