package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.DiffOptions;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.testkit.Corpus;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_dump's own test objects (../shared/corpus/pgdump-objects: the create_sql of its TAP tests
 * plus extras of every kind) dumped by dbsnap, schema and rows, with owners and privileges and
 * without, and loaded into empty databases through psql and through the Restorer: pg_dump of the
 * source and of both copies (with the same options) must be identical.
 */
@Tag("corpus")
class PgDumpObjectsRoundTripTest {

    private static final List<String> FILES = List.of("pgdump-objects/pgdump_objects.sql",
            "pgdump-objects/pgdump_objects_extra.sql");

    @TempDir
    Path dir;

    @Test
    void pgDumpsTestObjectsSurviveTheRoundTripWithoutOwnersAndPrivileges() throws Exception {
        roundTrip(new DdlOptions(false, false, false), "--no-owner", "--no-privileges");
    }

    @Test
    void pgDumpsTestObjectsSurviveTheRoundTripWithOwnersAndPrivileges() throws Exception {
        roundTrip(DdlOptions.defaults());
    }

    private void roundTrip(DdlOptions ddl, String... oracle) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("pgdump_objects_src")) {
            try {
                for (String file : FILES) {
                    Psql.runFile(src, Corpus.file(file));
                }
                Path script = dir.resolve("pgdump_objects.sql");
                try (Connection c = src.connect(); OutputStream out = Files.newOutputStream(script)) {
                    new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData().with(ddl)).dump(c, out);
                }
                String expected = withoutPublicSchemaEntry(PgDump.run(src, oracle));

                try (TestDatabase viaPsql = src.server().createDatabase("pgdump_objects_psql");
                     TestDatabase viaRestorer = src.server().createDatabase("pgdump_objects_restorer")) {
                    try {
                        Psql.runFile(viaPsql, script);
                        try (Connection c = viaRestorer.connect()) {
                            new Restorer().restore(c, script);
                        }

                        assertThat(withoutPublicSchemaEntry(PgDump.run(viaPsql, oracle))).isEqualTo(expected);
                        assertThat(withoutPublicSchemaEntry(PgDump.run(viaRestorer, oracle))).isEqualTo(expected);
                        Catalog source = read(src);
                        assertThat(source.operatorClasses()).as("the corpus was read").isNotEmpty();
                        DiffOptions compared = DiffOptions.defaults();
                        compared = ddl.owners() ? compared : compared.withoutOwners();
                        compared = ddl.privileges() ? compared : compared.withoutPrivileges();
                        DiffReport diff = SchemaDiff.compare(DiffSide.of("source", source),
                                DiffSide.of("restored", read(viaRestorer)), compared);
                        assertThat(diff.isEmpty()).as(diff.toText()).isTrue();
                        // what the oracle compared holds the corpus's kinds of object
                        assertThat(expected).contains("CREATE OPERATOR CLASS", "CREATE FOREIGN TABLE", "CREATE SERVER",
                                "CREATE ACCESS METHOD", "CREATE TRANSFORM", "CREATE TEXT SEARCH PARSER", "CREATE SUBSCRIPTION");
                    } finally {
                        dropSubscriptions(viaPsql);
                        dropSubscriptions(viaRestorer);
                    }
                }
            } finally {
                dropSubscriptions(src);
            }
        }
    }

    /**
     * pg_dump writes an entry for schema public (saying it does not create it) when public's owner
     * differs from a new database's; without owners that entry carries no content.
     */
    private static String withoutPublicSchemaEntry(String dump) {
        return dump.replaceAll("--\n-- Name: public; Type: SCHEMA; Schema: -; Owner: -\n--\n\n"
                + "-- \\*not\\* creating schema, since initdb creates it\n\n\n", "");
    }

    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }

    /** A database with a subscription cannot be dropped: detach each from its (never made) slot and drop it. */
    static void dropSubscriptions(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DO $$ DECLARE sub name; BEGIN"
                    + " FOR sub IN SELECT subname FROM pg_catalog.pg_subscription"
                    + "  WHERE subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) LOOP"
                    + "  EXECUTE format('ALTER SUBSCRIPTION %I DISABLE', sub);"
                    + "  EXECUTE format('ALTER SUBSCRIPTION %I SET (slot_name = NONE)', sub);"
                    + "  EXECUTE format('DROP SUBSCRIPTION %I', sub);"
                    + " END LOOP; END $$");
        }
    }
}
