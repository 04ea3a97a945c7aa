package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restore plan says it drops is what the diff from the snapshot to the database now
 * finds added: one line per object, what lives on a new table going with it, columns and
 * constraints added to the snapshot's tables listed, comments and grants not (they are no
 * objects). The expected lines are the objects the statements below create, written by hand
 * (a function named with its identity arguments as {@code pg_get_function_identity_arguments}
 * gives them).
 */
class RestorePlanDroppedObjectsTest {

    @Test
    void thePlanListsEachObjectCreatedSinceOnce(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("plan_dropped")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = db.connect()) {
                snapshot = store.write("before", new DatabaseDumper(CatalogReader.allSchemas(),
                        DumpOptions.schemaAndData()).snapshotContent(c));
            }
            db.execute("""
                    CREATE TABLE app.later (id serial PRIMARY KEY, note text);
                    CREATE INDEX later_note_idx ON app.later (note);
                    ALTER TABLE app.accounts ADD COLUMN points int;
                    ALTER TABLE app.accounts ADD CONSTRAINT points_positive CHECK (points > 0);
                    CREATE INDEX notes_title_idx ON app.notes (title);
                    CREATE FUNCTION app.double_it(x int) RETURNS int LANGUAGE sql AS 'SELECT 2 * x';
                    COMMENT ON TABLE app.notes IS 'written since';
                    GRANT SELECT ON app.notes TO PUBLIC;
                    """);

            RestorePlan plan;
            try (Connection c = db.connect()) {
                plan = new SnapshotRestorer(store, RestoreOptions.defaults()).plan(c, snapshot);
            }

            assertThat(plan.dropped()).containsExactlyInAnyOrder(
                    "table app.later",
                    "column app.accounts.points",
                    "constraint points_positive on app.accounts",
                    "index app.notes_title_idx",
                    "function app.double_it(x integer)");
        }
    }
}
