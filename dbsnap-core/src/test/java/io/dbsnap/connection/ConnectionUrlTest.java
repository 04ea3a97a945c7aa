package io.dbsnap.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionUrlTest {

    @Test
    void aLibpqUrlAsSupabaseHandsItOut() {
        ConnectionUrl url = ConnectionUrl.parse(
                "postgresql://postgres.abcd:s3cr%40t%2Fpw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require");

        assertThat(url.user()).contains("postgres.abcd");
        assertThat(url.password()).contains("s3cr@t/pw");
        assertThat(url.hosts()).containsExactly("aws-0-eu-central-1.pooler.supabase.com:6543");
        assertThat(url.database()).isEqualTo("postgres");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require");
        assertThat(url.describe()).isEqualTo("postgres.abcd@aws-0-eu-central-1.pooler.supabase.com:6543/postgres");
    }

    @Test
    void passwordsWithSpacesQuotesAndAtSignsAreReadWholeAndNeverShown() {
        for (String url : List.of("postgresql://app:pa ss\"w'o@rd@db.example:5433/shop",
                "postgresql://app:pa%20ss%22w%27o%40rd@db.example:5433/shop",
                "jdbc:postgresql://db.example:5433/shop?user=app&password=pa%20ss%22w%27o%40rd",
                "postgresql://db.example:5433/shop?user=app&password=pa ss\"w'o@rd")) {
            ConnectionUrl parsed = ConnectionUrl.parse(url);

            assertThat(parsed.password()).as(url).contains("pa ss\"w'o@rd");
            assertThat(parsed.user()).as(url).contains("app");
            assertThat(parsed.hosts()).as(url).containsExactly("db.example:5433");
            assertThat(parsed.describe() + parsed + parsed.jdbcUrl()).as(url).doesNotContain("ss").doesNotContain("rd");
        }
    }

    @Test
    void aBrokenPercentEscapeInAPasswordIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> ConnectionUrl.parse("postgresql://app:se%zzcret@db/shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("%25")
                .message().doesNotContain("zz").doesNotContain("cret");
    }

    @Test
    void theEnvironmentCompletesWhatTheUrlLeavesOutInLibpqsOrder() throws Exception {
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("pgpass");
        java.nio.file.Path pgpass = home.resolve(".pgpass");
        java.nio.file.Files.writeString(pgpass, "db:5432:shop:app:from-pgpass\n");
        java.nio.file.Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        LibpqEnvironment withFile = new LibpqEnvironment(java.util.Map.of("PGUSER", "app"), Optional.of(home));
        LibpqEnvironment withBoth = new LibpqEnvironment(java.util.Map.of("PGUSER", "app", "PGPASSWORD", "from-env"),
                Optional.of(home));

        assertThat(withFile.complete(ConnectionUrl.parse("postgresql://db/shop")).password()).contains("from-pgpass");
        assertThat(withFile.complete(ConnectionUrl.parse("postgresql://db/shop")).user()).contains("app");
        assertThat(withBoth.complete(ConnectionUrl.parse("postgresql://db/shop")).password()).contains("from-env");
        assertThat(withBoth.complete(ConnectionUrl.parse("postgresql://app:in-url@db/shop")).password()).contains("in-url");
        assertThat(withFile.complete(ConnectionUrl.parse("postgresql://db/other")).password()).isEmpty();
        assertThat(LibpqEnvironment.none().complete(ConnectionUrl.parse("postgresql://app@db/shop")).password()).isEmpty();
        assertThat(withBoth.toString()).doesNotContain("from-env");
    }

    @Test
    void pgVariablesNameAServerWhenAnyIsSet() {
        assertThat(new LibpqEnvironment(java.util.Map.of("PGHOST", "db.internal", "PGPORT", "6432", "PGUSER", "app user",
                "PGDATABASE", "shop"), Optional.empty()).url())
                .contains("postgresql://app%20user@db.internal:6432/shop");
        assertThat(new LibpqEnvironment(java.util.Map.of("PGUSER", "app"), Optional.empty()).url())
                .contains("postgresql://app@localhost:5432/app");
        assertThat(new LibpqEnvironment(java.util.Map.of("PGPASSWORD", "x"), Optional.empty()).url()).isEmpty();
    }

    @Test
    void libpqDefaultsAndParameters() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://app@db?application_name=deploy&connect_timeout=5");

        assertThat(url.hosts()).containsExactly("db:5432");
        // libpq's default database is the user's name
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.password()).isEmpty();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?ApplicationName=deploy&connectTimeout=5");
    }

    @Test
    void credentialsGivenAsParametersAndSeveralHosts() {
        ConnectionUrl url = ConnectionUrl.parse("postgresql://h1:5433,[::1]/shop?user=u&password=p%26w&dbname=other");

        assertThat(url.hosts()).containsExactly("h1:5433", "[::1]:5432");
        assertThat(url.database()).isEqualTo("shop");
        assertThat(url.user()).contains("u");
        assertThat(url.password()).contains("p&w");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5433,[::1]:5432/shop");
    }

    @Test
    void aJdbcUrlLosesItsCredentialsToTheirOwnFields() {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:postgresql://localhost:5432/app?user=me&password=hunter2&ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app?ssl=true");
        assertThat(url.user()).contains("me");
        assertThat(url.password()).contains("hunter2");
        assertThat(url.toString()).isEqualTo("me@localhost:5432/app").doesNotContain("hunter2");
    }

    @Test
    void noPasswordInAnyTextOfAParsedUrl() {
        ConnectionUrl url = ConnectionUrl.parse("postgresql://u:topsecret@h:1/d");

        assertThat(List.of(url.jdbcUrl(), url.describe(), url.toString())).noneMatch(t -> t.contains("topsecret"));
        assertThat(url.password()).isEqualTo(Optional.of("topsecret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mysql://u:topsecret@h/d", "jdbc:mysql://h/d?password=topsecret", "postgresql://:topsecret@h"})
    void anythingElseIsRefusedWithBothFormsAndNoPassword(String text) {
        assertThatThrownBy(() -> ConnectionUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://user:password@host:5432/database")
                .hasMessageContaining("jdbc:postgresql://")
                .message().doesNotContain("topsecret");
    }

    @Test
    void aUnixSocketDirectoryIsTheHostInEitherForm() {
        for (String text : List.of("postgresql:///shop?host=/var/run/postgresql&user=app",
                "postgresql://app@%2Fvar%2Frun%2Fpostgresql/shop")) {
            ConnectionUrl url = ConnectionUrl.parse(text);

            assertThat(url.socketDirectory()).as(text).contains("/var/run/postgresql");
            assertThat(url.describe()).as(text).isEqualTo("app@/var/run/postgresql:5432/shop");
            assertThat(url.jdbcUrl()).as(text).isEqualTo("jdbc:postgresql://localhost:5432/shop?socketFactory="
                    + "io.dbsnap.connection.UnixSocketFactory&socketFactoryArg=%2Fvar%2Frun%2Fpostgresql%2F.s.PGSQL.5432"
                    + "&sslmode=disable&gssEncMode=disable");
        }
    }

    @Test
    void libpqParametersArePassedAsPgjdbcNamesThem() {
        ConnectionUrl url = ConnectionUrl.parse("postgresql://app@db.example/shop?sslmode=verify-full&sslrootcert=/etc/ca.pem"
                + "&application_name=nightly&connect_timeout=7&options=-c%20search_path%3Dapp");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/shop?sslmode=verify-full"
                + "&sslrootcert=%2Fetc%2Fca.pem&ApplicationName=nightly&connectTimeout=7&options=-c%20search_path%3Dapp");
        assertThat(ConnectionUrl.parse("postgresql://app@db.example/shop?sslrootcert=system").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example:5432/shop?sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"
                        + "&sslmode=verify-full");
    }

    @Test
    void aBadPortIsRefusedByName() {
        assertThatThrownBy(() -> ConnectionUrl.parse("postgresql://app@localhost:0/shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the port \"0\" is not a number");
        assertThatThrownBy(() -> ConnectionUrl.parse("postgresql://localhost/shop?port=5432,5433"))
                .hasMessageContaining("the port \"5432,5433\"");
        assertThatThrownBy(() -> ConnectionUrl.parse("postgresql://a,%2Ftmp/shop"))
                .hasMessageContaining("a unix-socket directory must be its only host");
    }
}
