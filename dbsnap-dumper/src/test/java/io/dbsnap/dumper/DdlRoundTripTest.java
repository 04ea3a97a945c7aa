package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle round trip (testing.md) on the demo schema: dump with dbsnap, load into an empty
 * database, and pg_dump of both must be identical.
 */
class DdlRoundTripTest {

    @Test
    void demoSchemaSurvivesTheRoundTripThroughJdbcAndPsql(@TempDir Path dir) throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase src = server.createDatabase("roundtrip_src");
             TestDatabase viaJdbc = server.createDatabase("roundtrip_jdbc");
             TestDatabase viaPsql = server.createDatabase("roundtrip_psql")) {
            src.execute(SampleSchemas.demo());
            String script = RoundTrip.dump(src);

            RoundTrip.load(viaJdbc, script);
            Path file = dir.resolve("demo.sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Psql.runFile(viaPsql, file);

            String expected = PgDump.schemaOnly(src);
            assertThat(expected).contains("CREATE POLICY notes_owner", "CREATE TRIGGER notes_touch");
            assertThat(PgDump.schemaOnly(viaJdbc)).isEqualTo(expected);
            assertThat(PgDump.schemaOnly(viaPsql)).isEqualTo(expected);
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
