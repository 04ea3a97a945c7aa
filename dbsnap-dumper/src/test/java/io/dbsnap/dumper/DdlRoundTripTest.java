package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
            String script = dump(src);

            try (Connection c = viaJdbc.connect(); Statement s = c.createStatement()) {
                s.execute(script);
            }
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
            assertThat(dump(db)).isEqualTo(dump(db));
        }
    }

    private static String dump(TestDatabase db) throws Exception {
        Catalog catalog;
        try (Connection c = db.connect()) {
            catalog = CatalogReader.allSchemas().read(c);
        }
        StringWriter out = new StringWriter();
        new DdlWriter(out).write(catalog);
        return out.toString();
    }
}
