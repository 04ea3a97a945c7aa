package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
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
            Fixtures.loadManyKinds(src, dir);

            // pg_dump --schema-only leaves large objects out; the server's catalog tells which exist.
            String expected = RoundTrip.assertSurvives(src,
                    db -> PgDump.schemaOnly(db) + RoundTrip.largeObjects(db), dir, "many_kinds");

            assertThat(expected).contains("CREATE POLICY \"no writes\"", "ATTACH PARTITION", "CREATE AGGREGATE",
                    "CREATE COLLATION", "CREATE OPERATOR", "CREATE CAST", "CREATE TEXT SEARCH CONFIGURATION",
                    "CREATE TEXT SEARCH DICTIONARY", "CREATE TYPE \"select\".tiny_text (", "CREATE TYPE \"select\".never_completed;",
                    "OF \"select\".pair", "CREATE RULE", "DISABLE RULE", "CREATE STATISTICS", "SET STATISTICS 500",
                    "CREATE PUBLICATION", "ADD TABLES IN SCHEMA", "CREATE EVENT TRIGGER", "ALTER EVENT TRIGGER quiet DISABLE",
                    "CREATE UNLOGGED SEQUENCE", "NULLS NOT DISTINCT", "security_invoker", "SET COMPRESSION pglz",
                    "large object 424242 owned by", ": a blob that exists");
        }
    }
}
