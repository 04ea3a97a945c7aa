package io.dbsnap.dumper.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DataDumpTest;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Working schemas ({@code dbsnap_*}): what tools built on dbsnap keep in a database while they
 * work on it (the test reset's change tracking) is no part of a snapshot or a catalog, by the
 * general rule and not by any tool's names: the schema, the triggers on the user's tables and
 * the event triggers whose functions live there. pg_dump, the oracle, shows they exist.
 */
class WorkingSchemasTest {

    private static final String USER_OBJECTS = """
            CREATE SCHEMA app;
            CREATE TABLE app.items (id int PRIMARY KEY, name text);
            INSERT INTO app.items VALUES (1, 'one'), (2, 'two');
            CREATE FUNCTION app.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
            CREATE TRIGGER items_audit AFTER INSERT ON app.items FOR EACH ROW EXECUTE FUNCTION app.audit();
            CREATE FUNCTION app.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
            CREATE EVENT TRIGGER app_ddl ON ddl_command_end EXECUTE FUNCTION app.on_ddl();
            -- not working schemas: the prefix is dbsnap_ exactly
            CREATE SCHEMA dbsnap;
            CREATE TABLE dbsnap.kept (id int);
            CREATE SCHEMA "my_dbsnap_things";
            """;

    private static final String WORKING_OBJECTS = """
            CREATE SCHEMA dbsnap_work;
            CREATE SEQUENCE dbsnap_work.counter;
            CREATE TABLE dbsnap_work.state (n int);
            INSERT INTO dbsnap_work.state VALUES (1);
            CREATE FUNCTION dbsnap_work.track() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN PERFORM nextval('dbsnap_work.counter'); RETURN NULL; END $$;
            CREATE TRIGGER any_name_at_all AFTER INSERT OR UPDATE ON app.items
                FOR EACH STATEMENT EXECUTE FUNCTION dbsnap_work.track();
            ALTER TABLE app.items ENABLE ALWAYS TRIGGER any_name_at_all;
            CREATE FUNCTION dbsnap_work.track_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
            CREATE EVENT TRIGGER work_ddl ON ddl_command_end EXECUTE FUNCTION dbsnap_work.track_ddl();
            COMMENT ON SCHEMA dbsnap_work IS 'a tool''s working objects';
            """;

    @Test
    void objectsOfWorkingSchemasAreInNoSnapshotAndNoCatalog(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("working_schemas")) {
            db.execute(USER_OBJECTS);
            Path without = dir.resolve("without.sql");
            DataDumpTest.dump(db, DumpOptions.schemaAndData(), without);
            var catalogWithout = catalog(db);

            db.execute(WORKING_OBJECTS);
            String pgDump = PgDump.run(db, "--no-owner");
            assertThat(pgDump).contains("CREATE SCHEMA dbsnap_work", "any_name_at_all", "work_ddl");
            Path with = dir.resolve("with.sql");
            DataDumpTest.dump(db, DumpOptions.schemaAndData(), with);

            assertThat(Files.readString(with)).isEqualTo(Files.readString(without))
                    .contains("CREATE SCHEMA dbsnap;", "items_audit", "app_ddl", "my_dbsnap_things")
                    .doesNotContain("dbsnap_work", "any_name_at_all", "work_ddl");
            assertThat(SchemaDiff.compare(catalogWithout, catalog(db)).isEmpty()).isTrue();
        }
    }

    private static Catalog catalog(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
