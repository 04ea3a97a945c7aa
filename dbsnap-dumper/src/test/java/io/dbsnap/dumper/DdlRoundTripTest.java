package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle round trip (testing.md) on the demo schema: dump with dbsnap, load into an empty
 * database, and pg_dump of both must be identical — owners and grants included, as the demo
 * schema has only the connecting user's.
 */
class DdlRoundTripTest {

    @Test
    void demoSchemaSurvivesTheRoundTripThroughJdbcAndPsql(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("roundtrip_src")) {
            src.execute(SampleSchemas.demo());

            String expected = RoundTrip.assertSurvives(src, PgDump::schemaOnly, dir, "demo");

            assertThat(expected).contains("CREATE POLICY notes_owner", "CREATE TRIGGER notes_touch");
        }
    }

    @Test
    void twoDumpsOfAnUnchangedDatabaseAreIdentical() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("deterministic")) {
            db.execute(SampleSchemas.demo());
            assertThat(RoundTrip.dump(db)).isEqualTo(RoundTrip.dump(db));
        }
    }
}
