package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle round trip on our own fixture of object kinds and quoting nightmares: dump with
 * dbsnap, load into an empty database through JDBC and through psql, and pg_dump --schema-only
 * (without owners and grants, dbsnap's default) of all three must be identical.
 */
class FixtureRoundTripTest {

    @Test
    void manyKindsSurviveTheRoundTrip(@TempDir Path dir) throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase src = server.createDatabase("fixture_src");
             TestDatabase viaJdbc = server.createDatabase("fixture_jdbc");
             TestDatabase viaPsql = server.createDatabase("fixture_psql")) {
            Path fixture = dir.resolve("fixture.sql");
            Files.writeString(fixture, fixture("many-kinds.sql"), StandardCharsets.UTF_8);
            Psql.runFile(src, fixture);
            String script = RoundTrip.dump(src);

            RoundTrip.load(viaJdbc, script);
            Path file = dir.resolve("dump.sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Psql.runFile(viaPsql, file);

            String expected = schema(src);
            RoundTrip.debug("many-kinds", expected, schema(viaJdbc), script);
            assertThat(expected).contains("CREATE POLICY \"no writes\"", "ATTACH PARTITION", "CREATE AGGREGATE");
            assertThat(schema(viaJdbc)).isEqualTo(expected);
            assertThat(schema(viaPsql)).isEqualTo(expected);
        }
    }

    private static String schema(TestDatabase db) {
        return PgDump.run(db, "--schema-only", "--no-owner", "--no-privileges");
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = FixtureRoundTripTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
