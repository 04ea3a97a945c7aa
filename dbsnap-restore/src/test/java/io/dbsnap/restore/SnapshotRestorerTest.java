package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.errors.UnsupportedServerVersionException;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.store.TableFacts;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores of stored snapshots as a user runs them to undo a migration, judged by pg_dump: after a
 * restore, pg_dump sees the database as it saw it when the snapshot was taken; after a refused
 * or failed one, as it saw it just before.
 */
class SnapshotRestorerTest {

    /** Plain pg_dump, owners and grants included, as dbsnap records them by default. */
    private static final String FULL = "--format=plain";

    /** A migration that touches what an exact restore must put back or remove. */
    private static final String MIGRATION = """
            CREATE TABLE app.user_roles (account_id bigint REFERENCES app.accounts (id), role text NOT NULL);
            INSERT INTO app.user_roles VALUES (1, 'admin');
            CREATE FUNCTION app.is_admin(bigint) RETURNS boolean LANGUAGE sql AS
                'SELECT EXISTS (SELECT 1 FROM app.user_roles WHERE account_id = $1 AND role = ''admin'')';
            CREATE VIEW app.admins AS SELECT account_id FROM app.user_roles WHERE role = 'admin';
            ALTER TABLE app.notes ADD COLUMN archived boolean NOT NULL DEFAULT false;
            ALTER TABLE app.accounts ALTER COLUMN display_name TYPE text;
            DROP TRIGGER notes_touch ON app.notes;
            UPDATE app.notes SET title = 'changed';
            INSERT INTO app.accounts (email) VALUES ('grace@example.com');
            CREATE SCHEMA reporting;
            CREATE TABLE reporting.daily (day date PRIMARY KEY, notes int);
            """;

    private static DatabaseDumper dumper(DumpOptions options) {
        return new DatabaseDumper(CatalogReader.allSchemas(), options);
    }

    private static StoredSnapshot snapshot(SnapshotStore store, TestDatabase db, String label, DatabaseDumper dumper)
            throws Exception {
        try (Connection c = db.connect()) {
            return store.write(label, dumper.snapshotContent(c));
        }
    }

    @Test
    void anExactRestoreRemovesWhatTheMigrationAddedAndKeepsASafetySnapshotOfIt(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("exact");
             TestDatabase undo = PostgresServer.shared().createDatabase("exact_undo")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot before = snapshot(store, db, "pre_migration", dumper(DumpOptions.schemaAndData()));
            String atSnapshot = PgDump.run(db, FULL);
            db.execute(MIGRATION);
            String migrated = PgDump.run(db, FULL);

            RestoreReport report;
            try (Connection c = db.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, before);
            }

            // pg_dump --clean would have left app.user_roles, app.is_admin, app.admins and reporting behind
            assertThat(PgDump.run(db, FULL)).isEqualTo(atSnapshot);
            assertThat(report.dropped()).isPositive();
            assertThat(report.verification().differences()).isEmpty();
            assertThat(report.result().rowsByTable()).containsEntry("app.accounts", 2L).containsEntry("app.notes", 2L);
            assertThat(report.target()).isEqualTo(db.user() + "@" + PostgresServer.shared().host() + ":"
                    + PostgresServer.shared().port() + "/" + db.name());

            // the safety snapshot holds the migrated state: the restore itself can be undone
            StoredSnapshot safety = report.safetySnapshot().orElseThrow();
            assertThat(safety.name().label()).isEqualTo(SnapshotRestorer.SAFETY_LABEL);
            try (Connection c = undo.connect()) {
                new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, safety);
            }
            assertThat(PgDump.run(undo, FULL)).isEqualTo(migrated);

            String log = Files.readString(dir.resolve(RestoreLog.FILE_NAME));
            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().findFirst().orElseThrow()).contains(" restore ", "snapshot=" + before.sqlFile().getFileName(),
                    "target=" + report.target(), "outcome=restored, verified").doesNotContain(db.password());
        }
    }

    @Test
    void aSnapshotOfOneSchemaLeavesTheOthersAlone(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("exact_scope")) {
            db.execute(SampleSchemas.demo());
            db.execute("CREATE SCHEMA other; CREATE TABLE other.kept (id int); INSERT INTO other.kept VALUES (1);");
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot before = snapshot(store, db, "app_only",
                    new DatabaseDumper(CatalogReader.schemas("app"), DumpOptions.schemaAndData()));
            String appAtSnapshot = PgDump.run(db, FULL, "--schema=app");
            db.execute("CREATE TABLE app.added (id int); CREATE TABLE other.added_later (id int);"
                    + " INSERT INTO other.kept VALUES (2);");
            String otherBefore = PgDump.run(db, FULL, "--schema=other");

            try (Connection c = db.connect()) {
                new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, before);
            }

            assertThat(PgDump.run(db, FULL, "--schema=app")).isEqualTo(appAtSnapshot);
            assertThat(PgDump.run(db, FULL, "--schema=other")).isEqualTo(otherBefore);
        }
    }

    @Test
    void aFailingStatementLeavesTheDatabaseAsItWasAndIsLogged(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("exact_fail")) {
            db.execute(SampleSchemas.dataKinds());
            SnapshotStore store = new SnapshotStore(dir);
            // the snapshot's last statement fails, after every drop, table and row
            StoredSnapshot broken = EditedSnapshot.withStatement(store, db, "broken", DumpOptions.schemaAndData(),
                    "CREATE TABLE public.broken (x no_such_type);");
            db.execute("CREATE TABLE public.added_later (id int); INSERT INTO public.added_later VALUES (1);");
            String before = PgDump.run(db, FULL);

            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, broken))
                        .isInstanceOf(RestoreFailedException.class)
                        .hasMessageContaining("no_such_type").hasMessageContaining("rolled back");
            }

            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
            assertThat(Files.readString(dir.resolve(RestoreLog.FILE_NAME))).contains("outcome=failed, nothing changed");
        }
    }

    @Test
    void aDamagedSnapshotIsRefusedBeforeAnythingIsTouched(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("exact_damaged")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "nightly", dumper(DumpOptions.schemaAndData()));
            try (RandomAccessFile file = new RandomAccessFile(snapshot.sqlFile().toFile(), "rw")) {
                file.setLength(file.length() - 10);
            }
            db.execute("CREATE TABLE app.added_later (id int)");
            String before = PgDump.run(db, FULL);

            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, snapshot))
                        .isInstanceOf(SnapshotCorruptException.class);
            }

            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
            assertThat(store.list()).extracting(StoredSnapshot::sqlFile).containsExactly(snapshot.sqlFile());
        }
    }

    @Test
    void aSecondOperationOnTheSameDatabaseIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("exact_locked")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "pre", dumper(DumpOptions.schemaOnly()));
            String before = PgDump.run(db, FULL);
            try (Connection running = db.connect(); Connection second = db.connect()) {
                // what a restore or migration in progress holds
                try (PreparedStatement s = running.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    s.setLong(1, OperationLock.KEY);
                    s.execute();
                }

                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults()).restore(second, snapshot))
                        .isInstanceOf(LockNotAvailableException.class)
                        .hasMessageContaining("Another dbsnap operation is running")
                        .hasMessageContaining("server process");
            }
            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
            assertThat(store.list()).hasSize(1);
        }
    }

    @Test
    void anEmergencyRollbackRestoresTheNewestSnapshotThatIsNotASafetySnapshot(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("emergency")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            snapshot(store, db, "older", dumper(DumpOptions.schemaAndData()));
            db.execute("INSERT INTO app.accounts (email) VALUES ('newest@example.com')");
            StoredSnapshot newest = snapshot(store, db, "newest", dumper(DumpOptions.schemaAndData()));
            String atNewest = PgDump.run(db, FULL);
            db.execute(MIGRATION);
            try (Connection c = db.connect()) {
                // a first rollback leaves a safety snapshot, newer than "newest"; a second must not pick it
                new SnapshotRestorer(store, RestoreOptions.defaults()).emergencyRollback(c);
                db.execute(MIGRATION);
                RestoreReport report = new SnapshotRestorer(store, RestoreOptions.defaults()).emergencyRollback(c);
                assertThat(report.snapshot()).isEqualTo(newest);
                assertThat(report.emergency()).isTrue();
            }
            assertThat(PgDump.run(db, FULL)).isEqualTo(atNewest);
            assertThat(Files.readAllLines(dir.resolve(RestoreLog.FILE_NAME)))
                    .allSatisfy(line -> assertThat(line).contains(" emergency-rollback ", "snapshot=" + newest.sqlFile().getFileName()));
        }
    }

    @Test
    void aSnapshotOfANewerServerIsRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("version_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("version_dst")) {
            src.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            int newer = PostgresServer.shared().majorVersion() + 1;
            StoredSnapshot future = EditedSnapshot.withFacts(store, src, "future", DumpOptions.schemaAndData(),
                    facts -> new SnapshotFacts(facts.type(), newer + ".0", facts.scope(), facts.tables()));
            String empty = PgDump.run(dst, FULL);

            try (Connection c = dst.connect()) {
                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, future))
                        .isInstanceOf(UnsupportedServerVersionException.class)
                        .hasMessageContaining("allowingOlderServer");
                assertThat(PgDump.run(dst, FULL)).isEqualTo(empty);

                new SnapshotRestorer(store, RestoreOptions.defaults().allowingOlderServer()).restore(c, future);
            }
            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
        }
    }

    @Test
    void rowCountsThatDoNotMatchTheSnapshotAreReported(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("counts_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("counts_dst")) {
            src.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot miscounted = EditedSnapshot.withFacts(store, src, "miscounted", DumpOptions.schemaAndData(),
                    facts -> new SnapshotFacts(facts.type(), facts.serverVersion(), facts.scope(), facts.tables().stream()
                            .map(t -> t.table().equals("app.notes") ? new TableFacts(t.table(), t.rows() + 1, t.sha256()) : t)
                            .toList()));

            RestoreReport report;
            try (Connection c = dst.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, miscounted);
            }

            assertThat(report.verification().verified()).isFalse();
            assertThat(report.verification().differences())
                    .containsExactly("table app.notes: the snapshot has 3 rows, 2 were loaded");
            assertThat(Files.readString(dir.resolve(RestoreLog.FILE_NAME))).contains("outcome=restored, NOT verified");
        }
    }

    @Test
    void aDataOnlySnapshotReplacesTheRowsOfItsTables(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("data_only")) {
            db.execute(SampleSchemas.dataKinds());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot rows = snapshot(store, db, "rows", dumper(DumpOptions.dataOnly()));
            String atSnapshot = PgDump.run(db, FULL);
            db.execute("""
                    DO $$ BEGIN
                        EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname, tablename), ', ') || ' CASCADE'
                                 FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'));
                    END $$;
                    SELECT setval(format('%I.%I', schemaname, sequencename), 7) FROM pg_sequences;
                    SELECT lo_unlink(oid) FROM pg_largeobject_metadata;
                    SELECT lo_from_bytea(515151, 'new contents');
                    """);
            assertThat(PgDump.run(db, FULL)).isNotEqualTo(atSnapshot);

            try (Connection c = db.connect()) {
                new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, rows);
            }

            assertThat(PgDump.run(db, FULL)).isEqualTo(atSnapshot);
        }
    }

    @Test
    void aRestoreOfEveryKindOfObjectVerifiesAgainstTheStoredCatalog(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("verify_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("verify_dst")) {
            src.execute(SampleSchemas.dataKinds());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, src, "kinds", dumper(DumpOptions.schemaAndData()));

            RestoreReport report;
            try (Connection c = dst.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, snapshot);
            }

            assertThat(report.verification().differences()).isEmpty();
            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
        }
    }

    @Test
    void aStructureThatDiffersFromTheStoredCatalogIsReported(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("verify_extra_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("verify_extra_dst")) {
            src.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            // a script that creates more than its catalog says
            StoredSnapshot edited = EditedSnapshot.withStatement(store, src, "edited", DumpOptions.schemaOnly(),
                    "CREATE TABLE app.extra (id int);");

            RestoreReport report;
            try (Connection c = dst.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, edited);
            }

            assertThat(report.verification().differences()).containsExactly("not in the snapshot: table app.extra");
        }
    }

    @Test
    void aSnapshotClonesIntoANewDatabaseAndAFailedCloneLeavesNoDatabase(@TempDir Path dir) throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase src = server.createDatabase("clone_src");
             TestDatabase clone = server.createDatabase("clone_dst");
             Connection serverConnection = server.connect("postgres")) {
            src.execute(SampleSchemas.dataKinds());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, src, "prod", dumper(DumpOptions.schemaAndData()));
            StoredSnapshot broken = EditedSnapshot.withStatement(store, src, "broken", DumpOptions.schemaAndData(),
                    "SELECT 1 / 0;");
            SnapshotRestorer restorer = new SnapshotRestorer(store, RestoreOptions.defaults());

            // a database of that name exists: refused, and left as it is
            clone.execute("CREATE TABLE kept (id int)");
            assertThatThrownBy(() -> restorer.restoreAsNewDatabase(serverConnection, clone.name(), server::connect, snapshot))
                    .hasMessageContaining("exists already");
            assertThat(PgDump.run(clone, FULL)).contains("CREATE TABLE public.kept");

            serverConnection.createStatement().execute("DROP DATABASE " + clone.name());
            assertThatThrownBy(() -> restorer.restoreAsNewDatabase(serverConnection, clone.name(), server::connect, broken))
                    .isInstanceOf(RestoreFailedException.class).hasMessageContaining("division by zero");
            assertThat(databaseExists(serverConnection, clone.name())).isFalse();

            RestoreReport report = restorer.restoreAsNewDatabase(serverConnection, clone.name(), server::connect, snapshot);
            assertThat(report.verification().differences()).isEmpty();
            assertThat(report.safetySnapshot()).isEmpty();
            assertThat(PgDump.run(clone, FULL)).isEqualTo(PgDump.run(src, FULL));
        }
    }

    private static boolean databaseExists(Connection c, String name) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
