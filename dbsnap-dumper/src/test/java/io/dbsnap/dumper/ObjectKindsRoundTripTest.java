package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle round trip of the object kinds of issue 20 (fixtures/object-kinds.sql): each needs
 * more than a CREATE in the order of kinds, and pg_dump --schema-only of the source and of both
 * copies must be identical.
 */
class ObjectKindsRoundTripTest {

    @Test
    void objectKindsSurviveTheRoundTrip(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("kinds_src")) {
            Fixtures.load(src, dir, "object-kinds.sql");

            String expected = RoundTrip.assertSurvives(src, RoundTrip::schemaWithoutOwnersOrGrants, dir, "object_kinds");

            // the fixture's objects are in pg_dump's text, so the comparison covered them
            assertThat(expected).contains("CREATE AGGREGATE kinds.row_count(*)", "COMMENT ON AGGREGATE kinds.row_count(*)",
                    "GROUP BY a.id", "CREATE FUNCTION kinds.looped_rows()", "BEGIN ATOMIC", "CREATE OPERATOR kinds.~~~",
                    "CREATE OPERATOR FAMILY kinds.int_rev_family USING btree", "ALTER OPERATOR FAMILY kinds.int_rev_family",
                    "CREATE OPERATOR CLASS kinds.int_rev_ops", "subtype_opclass = kinds.int_rev_ops", "STORAGE bigint",
                    "CREATE ACCESS METHOD kinds_gist", "USING kinds_gist", "CREATE FOREIGN DATA WRAPPER \"Kinds Validated\"",
                    "CREATE SERVER kinds_server TYPE 'oracle'", "CREATE USER MAPPING FOR public SERVER kinds_server",
                    "CREATE TRUSTED PROCEDURAL LANGUAGE kinds_pl", "CREATE TRANSFORM FOR integer LANGUAGE kinds_pl",
                    "CREATE DEFAULT CONVERSION kinds.utf8_to_latin1", "CREATE TEXT SEARCH PARSER kinds.parser",
                    "CREATE TEXT SEARCH TEMPLATE kinds.template_with_init",
                    "CREATE FOREIGN TABLE kinds.remote_items", "column_name 'item_name'", "INHERITS (kinds.has_created)",
                    "ATTACH PARTITION kinds.measurements_2020",
                    "SET default_table_access_method = kinds_heap", "CREATE TRIGGER remote_items_noop", "WINDOW IMMUTABLE");
        }
    }
}
