package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table patterns: a dump that includes or excludes tables restores to the source with exactly
 * those tables dropped by hand (the oracle is pg_dump of that hand-made database).
 */
class TablePatternsTest {

    @Test
    void excludedTablesAreLeftOutWithWhatLivesOnThem(@TempDir Path dir) throws Exception {
        assertPatternsGive(dir, CatalogReader.allSchemas().excludeTables("*.scratch", "select.events*"),
                "DROP TABLE \"select\".scratch, \"select\".events CASCADE");
    }

    @Test
    void includedTablesAreTheOnlyRelationsKept(@TempDir Path dir) throws Exception {
        assertPatternsGive(dir, CatalogReader.allSchemas().tables("Mixed Case.*"), """
                DO $$
                DECLARE r record;
                BEGIN
                    FOR r IN SELECT c.relname, c.relkind FROM pg_class c
                             WHERE c.relnamespace = '"select"'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') LOOP
                        EXECUTE format('DROP %s IF EXISTS "select".%I CASCADE',
                            CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                           WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.relname);
                    END LOOP;
                END $$""");
    }

    @Test
    void aPatternWithTwoDotsIsRefused() {
        assertThatThrownBy(() -> CatalogReader.allSchemas().excludeTables("a.b.c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a.b.c' is not of the form name or schema.name");
    }

    private static void assertPatternsGive(Path dir, CatalogReader reader, String sameByHand) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("patterns_src");
             TestDatabase byHand = PostgresServer.shared().createDatabase("patterns_hand");
             TestDatabase dst = PostgresServer.shared().createDatabase("patterns_dst")) {
            Fixtures.loadManyKinds(src, dir);
            Fixtures.loadManyKinds(byHand, dir);
            byHand.execute(sameByHand);

            Catalog catalog;
            try (Connection c = src.connect()) {
                catalog = reader.read(c);
            }
            StringWriter script = new StringWriter();
            new DdlWriter(script).write(catalog);
            RoundTrip.load(dst, script.toString());

            String expected = RoundTrip.schemaWithoutOwnersOrGrants(byHand);
            assertThat(RoundTrip.schemaWithoutOwnersOrGrants(dst)).isEqualTo(expected)
                    .isNotEqualTo(RoundTrip.schemaWithoutOwnersOrGrants(src));
        }
    }
}
