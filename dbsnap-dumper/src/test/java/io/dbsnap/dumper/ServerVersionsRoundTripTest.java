package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.CatalogOracle;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixture round trip on the server versions whose catalogs differ, judged by the testkit's
 * catalog-query oracle: pg_dump 15, the machine's, refuses servers newer than itself. Version 15
 * (the machine's own server) is judged by pg_dump in {@link FixtureRoundTripTest} and here too.
 */
class ServerVersionsRoundTripTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"12", "13", "15", "17", "18"})
    void manyKindsSurviveTheRoundTrip(String version, @TempDir Path dir) throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(version);
        try (TestDatabase src = server.createDatabase("versions_src")) {
            Fixtures.loadManyKinds(src, dir);

            String expected = RoundTrip.assertSurvives(src, db -> CatalogOracle.describe(db), dir, "pg" + version);

            assertThat(expected).contains("event trigger \"ddl watch\"", "\"Mixed Case\"", "operator \"select\".===");
            if (server.majorVersion() >= 18) {
                assertThat(expected).contains("constraint \"id is required\": NOT NULL id", ") virtual");
            }
        }
    }
}
