package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (TestDatabase src = PostgresServer.shared().createDatabase("fixture_src")) {
            Path fixture = dir.resolve("fixture.sql");
            Files.writeString(fixture, fixture("many-kinds.sql"), StandardCharsets.UTF_8);
            Psql.runFile(src, fixture);

            String expected = RoundTrip.assertSurvives(src, RoundTrip::schemaWithoutOwnersOrGrants, dir, "many_kinds");

            assertThat(expected).contains("CREATE POLICY \"no writes\"", "ATTACH PARTITION", "CREATE AGGREGATE");
        }
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = FixtureRoundTripTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
