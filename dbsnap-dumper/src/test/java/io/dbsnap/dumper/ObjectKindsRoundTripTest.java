package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.dump.DdlOptions;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
                    "SET default_table_access_method = kinds_heap", "CREATE TRIGGER remote_items_noop", "WINDOW IMMUTABLE",
                    "ALTER TABLE ONLY kinds.insertable_orders ALTER COLUMN amount SET DEFAULT 0",
                    "CREATE MATERIALIZED VIEW kinds.stored_elsewhere_mv",
                    "ALTER TABLE kinds.clustered CLUSTER ON clustered_code",
                    "ALTER TABLE kinds.clustered_by_key CLUSTER ON clustered_by_key_pkey",
                    "kinds.switched_1 DISABLE TRIGGER switched_noop", "kinds.switched_1_old ENABLE TRIGGER switched_noop",
                    "kinds.switched_2 ENABLE REPLICA TRIGGER switched_noop",
                    "kinds.switched_3 ENABLE ALWAYS TRIGGER switched_off",
                    "ALTER COLUMN code SET (n_distinct=-0.5, n_distinct_inherited=100)", "ALTER COLUMN at SET (n_distinct=7)",
                    "ALTER INDEX kinds.clustered_stats ALTER COLUMN 2 SET STATISTICS 400",
                    "ALTER INDEX kinds.clustered_stats ALTER COLUMN 3 SET STATISTICS 0",
                    "ALTER FUNCTION kinds.noop() DEPENDS ON EXTENSION tcn", "ALTER INDEX kinds.clustered_code DEPENDS ON EXTENSION tcn",
                    "ALTER TRIGGER remote_items_noop ON kinds.remote_items DEPENDS ON EXTENSION tcn",
                    "ALTER MATERIALIZED VIEW kinds.stored_elsewhere_mv DEPENDS ON EXTENSION tcn",
                    "ALTER TABLE kinds.clustered_mv CLUSTER ON clustered_mv_id",
                    "ALTER TABLE ONLY kinds.clustered_mv ALTER COLUMN code SET COMPRESSION lz4",
                    "ALTER TABLE ONLY kinds.clustered_mv ALTER COLUMN code SET STATISTICS 300",
                    "ALTER TABLE ONLY kinds.clustered_mv ALTER COLUMN note SET STORAGE MAIN",
                    "ALTER TABLE ONLY kinds.clustered_mv ALTER COLUMN id SET (n_distinct=-1)");
        }
    }

    /** The same kinds with owners and grants of their own, dumped with owners and privileges. */
    @Test
    void theirOwnersAndGrantsSurviveTheRoundTrip(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("kinds_owned_src")) {
            Fixtures.load(src, dir, "object-kinds.sql");
            Fixtures.load(src, dir, "object-kinds-owners.sql");

            String expected = RoundTrip.assertSurvives(src, DdlOptions.defaults().withOwners().withPrivileges(),
                    db -> PgDump.run(db, "--schema-only"), dir, "object_kinds_owned");

            assertThat(expected).contains("ALTER OPERATOR FAMILY kinds.int_rev_family USING btree OWNER TO kinds_owner",
                    "ALTER OPERATOR CLASS kinds.int_rev_ops USING btree OWNER TO kinds_owner",
                    "ALTER CONVERSION kinds.latin1_to_utf8 OWNER TO kinds_owner", "ALTER SERVER kinds_server OWNER TO kinds_owner",
                    "GRANT ALL ON FOREIGN DATA WRAPPER kinds_plain TO kinds_user WITH GRANT OPTION",
                    "GRANT ALL ON FOREIGN SERVER kinds_server TO kinds_user", "ALTER PROCEDURAL LANGUAGE kinds_pl OWNER TO kinds_owner",
                    "GRANT ALL ON LANGUAGE kinds_pl TO kinds_user", "ALTER AGGREGATE kinds.row_count(*) OWNER TO kinds_owner",
                    "ALTER FOREIGN TABLE kinds.remote_items OWNER TO kinds_owner");
        }
    }

    /**
     * A subscription is written with {@code connect = false}, as pg_dump writes it, so loading it
     * neither reaches the publisher nor creates a slot. Not in the fixture: a database with a
     * subscription cannot be dropped until the subscription is.
     */
    @Test
    void aSubscriptionIsCreatedWithoutConnecting(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("kinds_sub_src");
             TestDatabase copy = PostgresServer.shared().createDatabase("kinds_sub_copy")) {
            try {
                execute(src, "CREATE SUBSCRIPTION \"Kinds Sub\" CONNECTION 'host=/nonexistent dbname=nowhere'"
                        + " PUBLICATION p1, \"P 2\" WITH (connect = false, slot_name = NONE, binary = true, streaming = on,"
                        + " disable_on_error = true, synchronous_commit = 'local')");
                execute(src, "COMMENT ON SUBSCRIPTION \"Kinds Sub\" IS 'never connects'");
                execute(src, "CREATE SUBSCRIPTION kinds_sub2 CONNECTION 'dbname=doesnotexist' PUBLICATION p1"
                        + " WITH (connect = false, slot_name = 'kinds_slot')");
                Path file = dir.resolve("subscriptions.sql");
                Files.writeString(file, RoundTrip.dump(src));
                Psql.runFile(copy, file);

                String expected = RoundTrip.schemaWithoutOwnersOrGrants(src);
                assertThat(RoundTrip.schemaWithoutOwnersOrGrants(copy)).isEqualTo(expected);
                assertThat(expected).contains("CREATE SUBSCRIPTION \"Kinds Sub\"", "slot_name = NONE, binary = true",
                        "synchronous_commit = local", "CREATE SUBSCRIPTION kinds_sub2", "slot_name = 'kinds_slot'",
                        "COMMENT ON SUBSCRIPTION \"Kinds Sub\" IS 'never connects'");
            } finally {
                dropSubscriptions(src);
                dropSubscriptions(copy);
            }
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void dropSubscriptions(TestDatabase db) throws SQLException {
        execute(db, "DO $$ DECLARE sub name; BEGIN"
                + " FOR sub IN SELECT subname FROM pg_catalog.pg_subscription"
                + "  WHERE subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) LOOP"
                + "  EXECUTE format('ALTER SUBSCRIPTION %I DISABLE', sub);"
                + "  EXECUTE format('ALTER SUBSCRIPTION %I SET (slot_name = NONE)', sub);"
                + "  EXECUTE format('DROP SUBSCRIPTION %I', sub);"
                + " END LOOP; END $$");
    }
}
