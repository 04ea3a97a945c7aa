package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores of snapshots whose metadata or catalog was edited after they were written. The
 * metadata is covered by no checksum and the catalog only by the metadata's fingerprint: what
 * they say must never reach the server as SQL, and a disagreement is refused before anything
 * is changed (judged by pg_dump before and after).
 */
class EditedFilesRestoreTest {

    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.items (id int PRIMARY KEY, name text);
            CREATE TABLE app.victim (id int PRIMARY KEY);
            CREATE TABLE app."Odd ""Name""\" (id int);
            INSERT INTO app.items VALUES (1, 'one'), (2, 'two');
            INSERT INTO app.victim VALUES (1), (2), (3);
            INSERT INTO app."Odd ""Name""\" VALUES (7);
            """;

    private static StoredSnapshot dataOnly(SnapshotStore store, TestDatabase db, CatalogReader reader) throws Exception {
        try (Connection c = db.connect()) {
            return store.write("rows", new DatabaseDumper(reader, DumpOptions.dataOnly()).snapshotContent(c));
        }
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void restore(SnapshotStore store, TestDatabase db, StoredSnapshot snapshot) throws Exception {
        try (Connection c = db.connect()) {
            new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, snapshot);
        }
    }

    @Test
    void aHostileTableNameInTheMetadataIsRefusedAndNothingIsDropped(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("edited_meta_sql")) {
            db.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot rows = dataOnly(store, db, CatalogReader.allSchemas());
            edit(rows.metadataFile(), "\"app.items\"", "\"app.items; DROP TABLE app.victim; --\"");
            db.execute("UPDATE app.items SET name = 'changed'");
            String before = PgDump.run(db, "--no-owner");

            assertThatThrownBy(() -> restore(store, db, rows)).isInstanceOf(SnapshotCorruptException.class)
                    .hasMessageContaining("app.items; DROP TABLE app.victim; --")
                    .hasMessageContaining("not a schema-qualified table name");

            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before).contains("CREATE TABLE app.victim");
        }
    }

    @Test
    void metadataListingATableTheScriptDoesNotLoadIsRefusedBeforeItIsEmptied(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("edited_meta_extra")) {
            db.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot rows = dataOnly(store, db, CatalogReader.allSchemas());
            assertThat(Files.readString(rows.metadataFile())).contains("app.\\\"Odd \\\"\\\"Name");
            String atSnapshot = PgDump.run(db, "--no-owner");
            db.execute("DELETE FROM app.\"Odd \"\"Name\"\"\"; UPDATE app.items SET name = 'x'");

            // unedited, the names it quotes again (mixed case, quotes, spaces) are the right tables
            restore(store, db, rows);
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(atSnapshot);

            // now a table that exists but that the script loads nothing into
            db.execute("CREATE TABLE app.kept (id int); INSERT INTO app.kept VALUES (42)");
            edit(rows.metadataFile(), "\"app.items\"", "\"app.kept\"");
            db.execute("UPDATE app.items SET name = 'y'");
            String withKept = PgDump.run(db, "--no-owner");

            assertThatThrownBy(() -> restore(store, db, rows)).isInstanceOf(SnapshotCorruptException.class)
                    .hasMessageContaining("lists tables the snapshot's script does not load: app.kept");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(withKept).contains("42");
        }
    }

    @Test
    void anEditedCatalogIsRefusedBeforeTheDatabaseIsTouched(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("edited_catalog")) {
            db.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot schema;
            try (Connection c = db.connect()) {
                schema = store.write("schema", new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData())
                        .snapshotContent(c));
            }
            // still valid JSON, another table name: only the fingerprint tells
            edit(schema.catalogFile(), "\"victim\"", "\"victin\"");
            db.execute("DROP TABLE app.victim");
            String before = PgDump.run(db, "--no-owner");

            assertThatThrownBy(() -> restore(store, db, schema)).isInstanceOf(SnapshotCorruptException.class)
                    .hasMessageContaining(schema.catalogFile().toString())
                    .hasMessageContaining("schema_fingerprint");

            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before);
        }
    }
}
