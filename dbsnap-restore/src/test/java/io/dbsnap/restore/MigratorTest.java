package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.diff.Change;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.Risk;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations applied the way users apply them before a deploy, on a real server, judged by
 * pg_dump (an unchanged database dumps the same) and by the changes written by hand from each
 * migration's text.
 */
class MigratorTest {

    /** Plain pg_dump, owners and grants included, as dbsnap records them by default. */
    private static final String FULL = "--format=plain";

    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.accounts (id bigint PRIMARY KEY, email text NOT NULL, nickname text);
            CREATE TABLE app.notes (id bigint PRIMARY KEY, account_id bigint REFERENCES app.accounts, body text);
            CREATE VIEW app.emails AS SELECT email FROM app.accounts;
            INSERT INTO app.accounts VALUES (1, 'ann@example.com', 'ann'), (2, 'bob@example.com', NULL);
            """;

    /**
     * A migration as people write them: comments, a dollar-quoted function with semicolons in its
     * body, a COPY block, BEGIN/COMMIT of its own (skipped: it is one transaction already).
     */
    private static final String MIGRATION = """
            -- V2: roles for accounts; the nickname goes
            BEGIN;
            CREATE TABLE app.roles (name text PRIMARY KEY);
            COPY app.roles (name) FROM stdin;
            admin
            reader
            \\.
            ALTER TABLE app.accounts ADD COLUMN role text REFERENCES app.roles;
            ALTER TABLE app.accounts DROP COLUMN nickname;
            CREATE INDEX notes_account ON app.notes (account_id);
            /* a function whose body has semicolons */
            CREATE FUNCTION app.is_admin(account bigint) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                RETURN EXISTS (SELECT 1 FROM app.accounts WHERE id = account AND role = 'admin');
            END;
            $$;
            DROP VIEW app.emails;
            COMMIT;
            """;

    @TempDir
    Path dir;

    @Test
    void aMigrationIsAppliedBetweenTwoSnapshotsAndTheirDiffNamesWhatItChanged() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_ok");
             TestDatabase byHand = PostgresServer.shared().createDatabase("migrate_ok_psql")) {
            db.execute(SCHEMA);
            byHand.execute(SCHEMA);
            Path migration = write("V2__account_roles.sql", MIGRATION);
            SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
            String schemaBefore = PgDump.schemaOnly(db);

            MigrationReport report;
            try (Connection c = db.connect()) {
                report = new Migrator(store, MigrationOptions.defaults()).migrate(c, migration);
            }

            // the oracle: the same file run by psql
            Psql.runFile(byHand, migration);
            assertThat(PgDump.run(db, FULL)).isEqualTo(PgDump.run(byHand, FULL));
            assertThat(store.list()).extracting(s -> s.name().label())
                    .containsExactly("after_V2__account_roles", "before_V2__account_roles");
            assertThat(report.before().name().label()).isEqualTo("before_V2__account_roles");
            assertThat(store.metadata(report.before()).type()).isEqualTo(SnapshotFacts.SCHEMA_ONLY);
            assertThat(store.metadata(report.before()).purpose()).contains("before migration V2__account_roles.sql");
            assertThat(lines(report.diff())).containsExactlyInAnyOrder(
                    "+ table app.roles",
                    "+ column app.accounts.role",
                    "- column app.accounts.nickname [COLUMN_REMOVED]",
                    "+ constraint accounts_role_fkey on app.accounts",
                    "+ index app.notes_account",
                    "+ function app.is_admin(account bigint)",
                    "- view app.emails [VIEW_REMOVED]");
            assertThat(report.result().rowsByTable()).containsEntry("app.roles", 2L);
            assertThat(report.diffMarkdown()).isEqualTo(report.after().attachment(StoredSnapshot.DIFF_MARKDOWN));
            assertThat(Files.readString(report.diffMarkdown())).contains("app.accounts.nickname");
            assertThat(Files.readString(report.diffPatch()))
                    .contains("+CREATE INDEX notes_account ON app.notes USING btree (account_id);")
                    .contains("-    nickname text");
            assertThat(report.summary()).contains("Undo with snapshot " + report.before().name().baseName());

            // the way back that keeps the rows, tried before it was written; pg_dump judges it
            assertThat(report.downMigration()).isEqualTo(report.after().attachment(StoredSnapshot.DOWN_MIGRATION));
            String down = Files.readString(report.downMigration());
            assertThat(down).contains("it ran").contains("hazard: DATA_LOSS COLUMN app.accounts.role")
                    .contains("hazard: DATA_LOSS TABLE app.roles").contains("ADD COLUMN nickname text");
            Psql.runFile(db, report.downMigration());
            assertThat(PgDump.schemaOnly(db)).isEqualTo(schemaBefore);
            assertThat(PgDump.run(db, "--data-only", "--table=app.accounts")).contains("ann@example.com", "bob@example.com");

            // deleting the snapshot after takes its diff and its down migration along
            store.delete(report.after());
            assertThat(report.diffMarkdown()).doesNotExist();
            assertThat(report.diffPatch()).doesNotExist();
            assertThat(report.downMigration()).doesNotExist();
        }
    }

    @Test
    void aFailingMigrationLeavesTheDatabaseAsItWasKeepsTheSnapshotBeforeAndWritesNoneAfter() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_fail")) {
            db.execute(SCHEMA);
            String before = PgDump.run(db, FULL);
            // statement 4, on line 5, fails: account 3 does not exist
            Path migration = write("V3__notes.sql", """
                    ALTER TABLE app.accounts ADD COLUMN age int;
                    UPDATE app.accounts SET age = 30;
                    DROP VIEW app.emails;
                    
                    INSERT INTO app.notes VALUES (1, 3, 'orphan');
                    CREATE TABLE app.never (id int);
                    """);
            SnapshotStore store = new SnapshotStore(dir);

            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new Migrator(store, MigrationOptions.defaults()).migrate(c, migration))
                        .isInstanceOfSatisfying(RestoreFailedException.class, e -> {
                            assertThat(e.statementNumber()).isEqualTo(4);
                            assertThat(e.line()).isEqualTo(5);
                            assertThat(e.sqlState()).isEqualTo("23503");
                        })
                        .hasMessageContaining("Statement 4 (line 5) failed")
                        .hasMessageContaining("The migration was rolled back")
                        .hasMessageContaining("no snapshot after it was written");
            }

            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
            assertThat(store.list()).extracting(s -> s.name().label()).containsExactly("before_V3__notes");
        }
    }

    @Test
    void aSecondMigrationIsRefusedWhileTheFirstRunsAndWaitsWhenToldTo() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_lock")) {
            db.execute(SCHEMA);
            SnapshotStore store = new SnapshotStore(dir);
            // The first migration waits at a gate (an advisory lock this test holds) until the second
            // was refused: no window of time that a slow machine could close early.
            Path slow = write("V4__slow.sql", "ALTER TABLE app.accounts ADD COLUMN slow int;\n"
                    + "SELECT pg_advisory_xact_lock(26, 6);\n");
            Path quick = write("V5__quick.sql", "ALTER TABLE app.accounts ADD COLUMN quick int;\n");

            try (Connection gate = db.connect(); Connection second = db.connect()) {
                try (Statement s = gate.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(26, 6)");
                }
                CompletableFuture<MigrationReport> first = CompletableFuture.supplyAsync(() -> {
                    try (Connection c = db.connect()) {
                        return new Migrator(store, MigrationOptions.defaults().lockTimeout(Duration.ofSeconds(60)))
                                .migrate(c, slow);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                awaitOperationLockHeld(second);
                assertThatThrownBy(() -> new Migrator(store, MigrationOptions.defaults()).migrate(second, quick))
                        .isInstanceOf(LockNotAvailableException.class)
                        .hasMessageContaining("Another dbsnap operation is running");
                assertThat(columns(second)).doesNotContain("quick");
                assertThat(first).as("the first migration still waits at the gate").isNotDone();

                // a migration that may wait runs once the first is done
                try (Statement s = gate.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(26, 6)");
                }
                MigrationReport waited = new Migrator(store, MigrationOptions.defaults().waitingForLock(Duration.ofSeconds(60)))
                        .migrate(second, quick);
                assertThat(first.get(60, TimeUnit.SECONDS).after().name().label()).isEqualTo("after_V4__slow");
                assertThat(waited.after().name().label()).isEqualTo("after_V5__quick");
                assertThat(columns(second)).contains("slow", "quick");
            }
        }
    }

    @Test
    void aStatementWaitingLongerThanTheLockTimeoutFailsTheMigrationInsteadOfHanging() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_timeout")) {
            db.execute(SCHEMA);
            String before = PgDump.run(db, FULL);
            Path migration = write("V6__blocked.sql", "ALTER TABLE app.accounts ADD COLUMN blocked int;\n");
            SnapshotStore store = new SnapshotStore(dir);
            try (Connection application = db.connect(); Connection c = db.connect()) {
                // the application reads the table in a long transaction: ALTER TABLE must wait for it
                application.setAutoCommit(false);
                try (Statement s = application.createStatement()) {
                    s.execute("LOCK TABLE app.accounts IN ACCESS SHARE MODE");
                }
                Migrator migrator = new Migrator(store, MigrationOptions.defaults().lockTimeout(Duration.ofMillis(300)));

                assertThatThrownBy(() -> migrator.migrate(c, migration))
                        .isInstanceOfSatisfying(RestoreFailedException.class,
                                e -> assertThat(e.sqlState()).isEqualTo("55P03"))
                        .hasMessageContaining("longer than the lock timeout (300 ms)");
                application.rollback();
            }
            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
        }
    }

    @Test
    void aDryRunReportsWhatTheMigrationWouldChangeAndChangesNothing() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_dry")) {
            db.execute(SCHEMA);
            String before = PgDump.run(db, FULL);
            Path migration = write("V7__tighten.sql", """
                    ALTER TABLE app.accounts ALTER COLUMN nickname SET NOT NULL;
                    ALTER TABLE app.notes ALTER COLUMN body SET DEFAULT '';
                    """);
            SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));

            DryRunReport report;
            try (Connection c = db.connect()) {
                // ann has a nickname, bob has none: NOT NULL fails on bob's row
                assertThatThrownBy(() -> new Migrator(store, MigrationOptions.defaults()).dryRun(c, migration))
                        .isInstanceOf(RestoreFailedException.class)
                        .hasMessageContaining("Statement 1 (line 1) failed")
                        .hasMessageContaining("The dry run was rolled back");
                db.execute("UPDATE app.accounts SET nickname = 'bob' WHERE id = 2");
                before = PgDump.run(db, FULL);
                report = new Migrator(store, MigrationOptions.defaults()).dryRun(c, migration);
            }

            assertThat(lines(report.diff())).containsExactlyInAnyOrder(
                    "~ column app.accounts.nickname [NOT_NULL_ADDED]",
                    "~ column app.notes.body");
            assertThat(report.result().statements()).isEqualTo(2);
            // SET NOT NULL checks every row; a default alone costs nothing
            assertThat(report.hazards()).extracting(h -> h.kind() + " " + h.subject())
                    .containsExactly("VALIDATION_SCAN COLUMN app.accounts.nickname");
            assertThat(report.summary()).contains("nothing was changed");
            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
            assertThat(dir.resolve("snapshots")).doesNotExist();
        }
    }

    @Test
    void createIndexConcurrentlyIsRefusedBeforeAnythingRunsOrRunsAfterTheTransactionWhenAllowed() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_concurrently")) {
            db.execute(SCHEMA);
            String before = PgDump.run(db, FULL);
            Path migration = write("V8__index.sql", """
                    ALTER TABLE app.notes ADD COLUMN created date;
                    -- builds without blocking writes
                    CREATE INDEX CONCURRENTLY notes_created ON app.notes (created);
                    """);
            SnapshotStore store = new SnapshotStore(dir);

            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new Migrator(store, MigrationOptions.defaults()).migrate(c, migration))
                        .isInstanceOf(DbSnapException.class)
                        .hasMessageContaining("cannot run inside a transaction block")
                        .hasMessageContaining("statement 2 (line 3): CREATE INDEX CONCURRENTLY")
                        .hasMessageContaining("Nothing was run");
                assertThat(PgDump.run(db, FULL)).isEqualTo(before);
                assertThat(store.list()).isEmpty();

                MigrationReport report = new Migrator(store,
                        MigrationOptions.defaults().runningNonTransactionalStatementsOutside()).migrate(c, migration);

                assertThat(report.outsideTransaction()).extracting(NonTransactionalStatement::describe)
                        .containsExactly("statement 2 (line 3): CREATE INDEX CONCURRENTLY");
                assertThat(lines(report.diff())).containsExactlyInAnyOrder(
                        "+ column app.notes.created", "+ index app.notes_created");
            }
        }
    }

    @Test
    void aStatementThatCannotRunInATransactionBeforeOthersIsRefusedEvenWhenAllowed() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_order")) {
            db.execute(SCHEMA);
            Path migration = write("V9__vacuum_first.sql", "VACUUM app.accounts;\nALTER TABLE app.accounts ADD COLUMN x int;\n");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new Migrator(new SnapshotStore(dir),
                        MigrationOptions.defaults().runningNonTransactionalStatementsOutside()).migrate(c, migration))
                        .isInstanceOf(DbSnapException.class)
                        .hasMessageContaining("statement 1 (line 1): VACUUM before statements that run in the transaction");
            }
            assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                    .containsExactly("V9__vacuum_first.sql");
        }
    }

    @Test
    void aMissingEmptyOrPsqlOnlyMigrationFileIsAClearError() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("migrate_missing");
             Connection c = db.connect()) {
            Migrator migrator = new Migrator(new SnapshotStore(dir), MigrationOptions.defaults());
            assertThatThrownBy(() -> migrator.migrate(c, dir.resolve("V10__nope.sql")))
                    .isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("does not exist");
            Path empty = write("V11__empty.sql", "-- nothing yet\n");
            assertThatThrownBy(() -> migrator.migrate(c, empty))
                    .isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("holds no statement");
            Path include = write("V12__include.sql", "CREATE TABLE t (id int);\n\\i other.sql\n");
            assertThatThrownBy(() -> migrator.migrate(c, include))
                    .isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("Line 2: the psql command \\i is not supported")
                    .hasMessageContaining("Nothing was changed");
            assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("V11__empty.sql", "V12__include.sql");
        }
    }

    private Path write(String name, String sql) throws Exception {
        return Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    }

    /** Changes in one line each: marker, object, risk codes. */
    private static List<String> lines(DiffReport report) {
        return report.changes().stream().map(MigratorTest::line).toList();
    }

    private static String line(Change change) {
        List<String> risks = change.risks().stream().map(Risk::name).toList();
        return change + (risks.isEmpty() ? "" : " " + risks.toString().replace(" ", ""));
    }

    private static void awaitOperationLockHeld(Connection c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks"
                    + " WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = "
                    + OperationLock.KEY)) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first migration never took the operation lock");
    }

    private static List<String> columns(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT attname FROM pg_attribute"
                + " WHERE attrelid = 'app.accounts'::regclass AND attnum > 0 AND NOT attisdropped")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
