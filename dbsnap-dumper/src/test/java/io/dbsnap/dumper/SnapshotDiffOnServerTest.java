package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.DataChange;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.diff.UnifiedDdlDiff;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diffs on a real server of what users compare: two snapshots with data (from their files, no
 * server), a snapshot against the live database, and a database against itself after its
 * functions and views were only reformatted.
 */
class SnapshotDiffOnServerTest {

    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.accounts (id int PRIMARY KEY, email text NOT NULL, balance numeric(12,2));
            CREATE TABLE app."Order Lines" (id int PRIMARY KEY, account_id int REFERENCES app.accounts (id), qty int);
            CREATE TABLE app.settings (k text PRIMARY KEY, v text);
            INSERT INTO app.accounts VALUES (1, 'a@example.com', 10), (2, 'b@example.com', 20);
            INSERT INTO app."Order Lines" VALUES (1, 1, 5), (2, 2, 7);
            INSERT INTO app.settings VALUES ('mode', 'test');
            """;

    @TempDir
    Path dir;

    @Test
    void twoSnapshotsWithDataTellStructureAndRows() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("diff_snapshots")) {
            db.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot first = snapshot(db, store, "before", Compression.NONE);

            db.execute("""
                    INSERT INTO app.accounts VALUES (3, 'c@example.com', 30);
                    UPDATE app."Order Lines" SET qty = qty + 1;
                    ALTER TABLE app.accounts DROP COLUMN balance;
                    CREATE TABLE app.audit (id int);
                    """);
            StoredSnapshot second = snapshot(db, store, "after", Compression.GZIP);

            DiffReport report = SchemaDiff.compare(DiffSide.of(store, first), DiffSide.of(store, second));

            assertThat(DiffLines.of(report)).containsExactly(
                    "+ table app.audit",
                    "- column app.accounts.balance [column_removed]");
            assertThat(report.dataChanges()).containsExactly(
                    new DataChange("app.\"Order Lines\"", "app", DataChange.Kind.CONTENTS_CHANGED, Optional.of(2L), Optional.of(2L)),
                    new DataChange("app.accounts", "app", DataChange.Kind.ROWS_CHANGED, Optional.of(2L), Optional.of(3L)),
                    new DataChange("app.audit", "app", DataChange.Kind.ADDED, Optional.empty(), Optional.of(0L)));
            assertThat(report.before()).isEqualTo(first.name().baseName());

            String unified = UnifiedDdlDiff.ofSnapshots(store, first, second);
            assertThat(unified).contains("-    balance numeric(12,2)", "+CREATE TABLE app.audit (")
                    .doesNotContain("a@example.com");
        }
    }

    @Test
    void aSnapshotAgainstTheLiveDatabase() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("diff_live")) {
            db.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(db, store, "baseline", Compression.NONE);

            db.execute("ALTER TABLE app.settings ALTER COLUMN v SET NOT NULL; DROP TABLE app.\"Order Lines\";");
            DiffReport report = SchemaDiff.compare(DiffSide.of(store, snapshot), DiffSide.of("live", read(db)));

            assertThat(DiffLines.of(report)).containsExactly(
                    "- table app.\"Order Lines\" [table_removed]",
                    "~ column app.settings.v {not null} [not_null_added]");
            assertThat(report.dataChanges()).as("the live side has no row facts").isEmpty();
            assertThat(report.after()).isEqualTo("live");
        }
    }

    @Test
    void reformattingFunctionsAndViewsIsNoChange() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("diff_reformat")) {
            db.execute(SCHEMA + """
                    CREATE FUNCTION app.total(a int) RETURNS numeric LANGUAGE plpgsql STABLE AS $$
                    BEGIN
                        RETURN (SELECT sum(balance) FROM app.accounts WHERE id = a);
                    END
                    $$;
                    CREATE FUNCTION app.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
                    CREATE VIEW app.rich AS SELECT id, email FROM app.accounts WHERE balance > 15;
                    """);
            Catalog before = read(db);

            db.execute("""
                    CREATE OR REPLACE FUNCTION app.total(a int) RETURNS numeric LANGUAGE plpgsql STABLE AS $$
                      BEGIN
                    \tRETURN (SELECT sum(balance)
                    \t          FROM app.accounts
                    \t         WHERE id = a);
                      END $$;
                    CREATE OR REPLACE FUNCTION app.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
                        SELECT x*2
                    $$;
                    CREATE OR REPLACE VIEW app.rich AS
                        SELECT id,
                               email
                          FROM app.accounts
                         WHERE balance   >   15;
                    """);
            Catalog after = read(db);

            // the server keeps function bodies as written: the catalogs differ, the diff does not
            assertThat(after.routines()).isNotEqualTo(before.routines());
            assertThat(SchemaDiff.compare(before, after).isEmpty()).isTrue();

            db.execute("CREATE OR REPLACE FUNCTION app.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x * 3 $$;");
            assertThat(DiffLines.of(SchemaDiff.compare(before, read(db)))).containsExactly("~ function app.twice(x integer) {body}");
        }
    }

    private static StoredSnapshot snapshot(TestDatabase db, SnapshotStore store, String label, Compression compression)
            throws SQLException {
        try (Connection c = db.connect()) {
            return store.write(label, compression,
                    new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).snapshotContent(c));
        }
    }

    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
