package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.dbsnap.reset.DumpComparison.assertSameDump;
import static io.dbsnap.reset.DumpComparison.assertSameDumpInAnyRowOrder;

import io.dbsnap.Snapshots;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import io.dbsnap.testkit.TestRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a reset the database equals its snapshot, judged by pg_dump (schema and data, an
 * independent program) and by the restore's verification (catalog and row counts).
 */
class ResetCorrectnessTest {

    @TempDir
    Path dir;

    @Test
    void dataChangesAreUndoneRowByRowWithoutFiringTriggers() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_fast");
             FastReset reset = capture(db, true)) {
            String before = dump(db);
            String untouchedRow = queryString(db, "SELECT ctid::text FROM app.customers WHERE id = 3");
            db.execute(ResetFixture.DATA_CHANGES);
            assertThat(dump(db)).isNotEqualTo(before);

            ResetReport report = reset.reset();

            assertThat(report.kind()).isEqualTo(ResetReport.Kind.FAST);
            // changed by hand above: customers, orders (also through the cascade from customers),
            // audit (through the orders trigger), both partitions through their parent, tags
            assertThat(report.tables()).containsExactlyInAnyOrder("app.customers", "app.orders", "app.audit",
                    "app.events_2024", "app.events_2025", "app.tags");
            assertThat(report.sequences()).containsExactlyInAnyOrder("app.tickets", "app.unused",
                    "app.customers_id_seq", "app.orders_id_seq");
            assertThat(report.materializedViews()).containsExactly("app.order_totals");
            // rows the test did not touch stay where they are: only changed rows were put back
            assertThat(queryString(db, "SELECT ctid::text FROM app.customers WHERE id = 3")).isEqualTo(untouchedRow);
            assertSameDumpInAnyRowOrder(dump(db), before);
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    @Test
    void rowsAreMatchedByTheirWholePrimaryKeyWhateverItsTypesAndOrder() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_keys");
             FastReset reset = captureWith(db, true, """
                     CREATE TABLE app.notes (kind text, at timestamptz, body text, PRIMARY KEY (at, kind));
                     INSERT INTO app.notes VALUES (E'tab\there', '2024-01-01 10:00+02', 'one'),
                       (E'back\\slash', '2024-01-01 10:00+02', 'two'), (E'new\nline', '2024-03-01', 'three'),
                       ('ünï', '2024-03-01', 'four'), ('', '2024-03-01', 'empty kind');
                     """ + "ALTER DATABASE " + db.name() + " SET TimeZone = 'America/Lima';"
                     + "ALTER DATABASE " + db.name() + " SET DateStyle = 'SQL, DMY'")) {
            String before = dump(db);
            db.execute("UPDATE app.notes SET kind = 'renamed' WHERE body = 'one';"
                    + " DELETE FROM app.notes WHERE body = 'two';"
                    + " INSERT INTO app.notes VALUES (E'back\\slash', '2024-01-01 10:00+02', 'two again');"
                    + " UPDATE app.notes SET body = 'FOUR' WHERE kind = 'ünï';"
                    + " DELETE FROM app.notes WHERE kind = '';"
                    + " INSERT INTO app.countries VALUES ('de', 'Germany'); UPDATE app.countries SET name = 'PERU';"
                    + " DELETE FROM app.audit");

            ResetReport report = reset.reset();

            assertThat(report.kind()).isEqualTo(ResetReport.Kind.FAST);
            assertThat(report.tables()).containsExactlyInAnyOrder("app.notes", "app.countries", "app.audit");
            assertSameDumpInAnyRowOrder(dump(db), before);
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    @Test
    void ddlCountsAsAChangeOfStructureEvenUnderTheReplicationRoleButTemporaryObjectsDoNot() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_ddl_events");
             FastReset reset = captureWith(db, true, "CREATE FUNCTION app.on_ddl() RETURNS event_trigger"
                     + " LANGUAGE plpgsql AS $$BEGIN END$$")) {
            String before = dump(db);

            db.execute("CREATE TEMP TABLE scratch (id serial PRIMARY KEY); INSERT INTO scratch DEFAULT VALUES;"
                    + " DROP TABLE scratch; CREATE TEMP TABLE kept (id int)");
            assertThat(reset.reset().kind()).isEqualTo(ResetReport.Kind.NOTHING);

            for (String ddl : List.of("SET session_replication_role = replica; ALTER TABLE app.tags ADD COLUMN x int",
                    "COMMENT ON TABLE app.tags IS 'changed'", "GRANT SELECT ON app.tags TO PUBLIC",
                    "DROP VIEW IF EXISTS app.nothing; DROP MATERIALIZED VIEW app.order_totals",
                    // what event triggers do not see
                    "SELECT pg_catalog.lo_create(4242)",
                    "CREATE EVENT TRIGGER user_ddl ON ddl_command_start EXECUTE FUNCTION app.on_ddl()")) {
                db.execute(ddl);

                ResetReport report = reset.reset();

                assertThat(report.kind()).as(ddl).isEqualTo(ResetReport.Kind.FULL);
                assertSameDump(dump(db), before);
            }
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    @Test
    void withoutTheReplicationRoleTriggersAreDisabledOneByOneAndEnabledInTheirOwnMode() throws Exception {
        try (TestRole owner = TestRole.create(PostgresServer.shared(), "reset_origin_owner");
             TestDatabase db = PostgresServer.shared().createDatabase("reset_origin")) {
            try (FastReset reset = captureAsOwner(db, owner, "ALTER TABLE app.orders ENABLE ALWAYS TRIGGER orders_audit")) {
                String before = dump(db);
                db.execute(ResetFixture.DATA_CHANGES);

                ResetReport report = reset.reset();

                assertThat(report.kind()).isEqualTo(ResetReport.Kind.FAST);
                // the audit table would have a row per reloaded order if the trigger had fired;
                // the dump also shows the trigger enabled ALWAYS again
                assertSameDump(dump(db), before);
                assertThat(before).contains("ENABLE ALWAYS TRIGGER orders_audit");
                assertThat(reset.verify().differences()).isEmpty();
            }
        }
    }

    @Test
    void withoutTheReplicationRoleUnreferencedTablesArePutBackRowByRowAndReferencedOnesWhole() throws Exception {
        try (TestRole owner = TestRole.create(PostgresServer.shared(), "reset_checked_keys_owner");
             TestDatabase db = PostgresServer.shared().createDatabase("reset_checked_keys");
             FastReset reset = captureAsOwner(db, owner, "SELECT 1")) {
            String before = dump(db);
            // a row keeps the transaction that wrote it unless it is written again
            String untouchedOrder = queryString(db, "SELECT xmin::text FROM app.orders WHERE id = 3");
            db.execute("INSERT INTO app.orders (customer_id, total) VALUES (2, 5); UPDATE app.orders SET total = 0"
                    + " WHERE id = 1; DELETE FROM app.orders WHERE id = 2; UPDATE app.countries SET name = 'X'");

            ResetReport rows = reset.reset();

            // no foreign key references orders or countries; audit changed through the orders trigger
            assertThat(rows.kind()).isEqualTo(ResetReport.Kind.FAST);
            assertThat(rows.tables()).containsExactlyInAnyOrder("app.orders", "app.countries", "app.audit");
            assertThat(queryString(db, "SELECT xmin::text FROM app.orders WHERE id = 3")).isEqualTo(untouchedOrder);
            assertSameDumpInAnyRowOrder(dump(db), before);

            // orders references customers: emptying customers needs orders emptied in the same TRUNCATE
            db.execute("UPDATE app.customers SET name = 'CY' WHERE id = 3");
            ResetReport whole = reset.reset();

            assertThat(whole.kind()).isEqualTo(ResetReport.Kind.FAST);
            assertThat(whole.tables()).containsExactly("app.customers", "app.orders");
            assertThat(queryString(db, "SELECT xmin::text FROM app.orders WHERE id = 3")).isNotEqualTo(untouchedOrder);
            assertSameDumpInAnyRowOrder(dump(db), before);
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    @Test
    void structuralChangesCostAFullRestoreAfterWhichTheFastPathWorksAgain() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_ddl");
             FastReset reset = capture(db, true)) {
            String before = dump(db);
            db.execute("CREATE TABLE app.scratch (id int); INSERT INTO app.scratch VALUES (1);"
                    + " ALTER TABLE app.countries ADD COLUMN population bigint; DROP MATERIALIZED VIEW app.order_totals;"
                    + ResetFixture.DATA_CHANGES.replace("REFRESH MATERIALIZED VIEW app.order_totals;", ""));

            ResetReport full = reset.reset();

            assertThat(full.kind()).isEqualTo(ResetReport.Kind.FULL);
            assertThat(full.fullRestoreReason()).isPresent();
            assertSameDump(dump(db), before);
            assertThat(reset.verify().differences()).isEmpty();

            db.execute("DELETE FROM app.countries");
            ResetReport fast = reset.reset();
            assertThat(fast.kind()).isEqualTo(ResetReport.Kind.FAST);
            assertThat(fast.tables()).containsExactly("app.countries");
            assertSameDump(dump(db), before);
        }
    }

    @Test
    void truncateRolledBackWorkAndNothingAtAll() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_truncate");
             FastReset reset = capture(db, true)) {
            String before = dump(db);
            assertThat(reset.reset().kind()).isEqualTo(ResetReport.Kind.NOTHING);

            // TRUNCATE gives the table a new file: no change of structure, so no full restore
            db.execute("TRUNCATE app.countries");
            ResetReport truncated = reset.reset();
            assertThat(truncated.kind()).isEqualTo(ResetReport.Kind.FAST);
            assertThat(truncated.tables()).containsExactly("app.countries");
            assertSameDump(dump(db), before);

            db.execute("BEGIN; DELETE FROM app.tags; ROLLBACK;");
            assertThat(reset.reset().kind()).isEqualTo(ResetReport.Kind.FAST);
            assertThat(reset.reset().kind()).isEqualTo(ResetReport.Kind.NOTHING);
            assertSameDump(dump(db), before);
        }
    }

    @Test
    void theTrackingIsInvisibleToDbsnapAndGoneAfterClose() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_invisible")) {
            db.execute(ResetFixture.SCHEMA);
            String pristine = PgDump.run(db, "--no-owner");
            FastReset reset = FastReset.capture(db.dataSource(), dir.resolve("work"));
            assertThat(PgDump.run(db, "--no-owner")).contains("dbsnap_reset_track").isNotEqualTo(pristine);

            // a snapshot taken while the tracking is installed is the one taken without it
            var during = Snapshots.create("during").withData().withOwners().withPrivileges().in(dir.resolve("other"))
                    .from(db.dataSource());
            assertThat(Files.readString(during.file())).isEqualTo(Files.readString(reset.snapshot().file()));
            assertThat(reset.snapshot().diffWith(db.dataSource()).changes()).isEmpty();

            reset.close();
            assertSameDump(PgDump.run(db, "--no-owner"), pristine);
        }
    }

    @Test
    void aSecondResetOfTheSameDatabaseIsRefused() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_twice");
             FastReset first = capture(db, true)) {
            assertThatThrownBy(() -> FastReset.capture(db.dataSource(), dir.resolve("second")))
                    .isInstanceOf(LockNotAvailableException.class)
                    .hasMessageContaining(db.name()).hasMessageContaining("database of their own");
            assertThat(first.reset().kind()).isEqualTo(ResetReport.Kind.NOTHING);
        }
    }

    /**
     * pg_dump of the user's schemas: the tracking's counters in schema dbsnap_reset move with
     * every statement, the reset's own too; its triggers on the tables stay in the dump.
     */
    static String dump(TestDatabase db) {
        return PgDump.run(db, "--no-owner", "--exclude-schema=dbsnap_reset");
    }

    private static String queryString(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * A role that is not a superuser and owns the tables (it made them) may capture and reset, but
     * cannot silence triggers with the replication role: the reset as such a role. Capture sees
     * for itself that the role is not a superuser, so it installs no event triggers.
     */
    @Test
    void aRoleThatIsNotASuperuserButOwnsTheTablesResetsWithoutEventTriggers() throws Exception {
        try (TestRole owner = TestRole.create(PostgresServer.shared(), "reset_plain_owner");
             TestDatabase db = PostgresServer.shared().createDatabase("reset_plain_owner");
             FastReset reset = captureAsOwner(db, owner, "SELECT 1")) {
            String before = dump(db);
            assertThat(queryString(db, "SELECT count(*) FROM pg_event_trigger")).isEqualTo("0");
            assertThat(queryString(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'app' AND tableowner = '"
                    + owner.name() + "'")).isEqualTo("8");

            db.execute(ResetFixture.DATA_CHANGES);
            ResetReport report = reset.reset();

            assertThat(report.kind()).as(report.fullRestoreReason().orElse("")).isEqualTo(ResetReport.Kind.FAST);
            assertSameDumpInAnyRowOrder(dump(db), before);
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    /**
     * A privilege the fast path needs and the role lacks (here the owner revoked its own TRUNCATE
     * on a referenced table, which the fast path empties whole) is no silent wrong reset: the fast
     * path fails, the report says why, and the full restore puts the database back exactly, its
     * ACLs too (the snapshot once left privileges out, and the full restore granted TRUNCATE back).
     */
    @Test
    void aPrivilegeTheFastPathNeedsAndTheRoleLacksCostsAFullRestoreThatSaysWhy() throws Exception {
        try (TestRole owner = TestRole.create(PostgresServer.shared(), "reset_no_truncate");
             TestDatabase db = PostgresServer.shared().createDatabase("reset_no_truncate");
             FastReset reset = captureAsOwner(db, owner, "REVOKE TRUNCATE ON app.customers FROM CURRENT_USER")) {
            String before = dump(db);
            db.execute("UPDATE app.customers SET name = 'CY' WHERE id = 3");

            ResetReport report = reset.reset();

            assertThat(report.kind()).isEqualTo(ResetReport.Kind.FULL);
            assertThat(report.fullRestoreReason()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("the fast path failed").contains("permission denied for table customers"));
            assertSameDumpInAnyRowOrder(dump(db), before);
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    /**
     * TRIGGER (with SELECT) on the tables lets a role create the tracking's triggers, but not
     * switch them to fire ALWAYS nor disable the user's triggers during a reset: both are ALTER
     * TABLE, which only the owner may run. Capture fails with what the role lacks, and leaves
     * nothing behind.
     */
    @Test
    void aRoleWithTriggerButNotOwnershipIsRefusedAtCaptureWithWhatItLacks() throws Exception {
        try (TestRole tracker = TestRole.create(PostgresServer.shared(), "reset_trigger_only");
             TestDatabase db = PostgresServer.shared().createDatabase("reset_trigger_only")) {
            db.execute(ResetFixture.SCHEMA);
            db.execute("GRANT CREATE ON DATABASE " + db.name() + " TO " + tracker.name() + ";"
                    + " GRANT USAGE ON SCHEMA app TO " + tracker.name() + ";"
                    + " GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA app TO " + tracker.name() + ";"
                    + " GRANT SELECT ON ALL SEQUENCES IN SCHEMA app TO " + tracker.name());
            String before = PgDump.run(db);

            assertThatThrownBy(() -> FastReset.capture(tracker.dataSource(db), dir.resolve("work"), false, true))
                    .isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("must be owner of table")
                    .hasMessageContaining("The role needs to own the tables (TRIGGER on them is not enough");
            assertThat(PgDump.run(db)).isEqualTo(before);
        }
    }

    /** Without SELECT on the tables, not even the snapshot can be taken: the error says which table. */
    @Test
    void aRoleWithOnlyTriggerOnTheTablesIsRefusedAtCapture() throws Exception {
        try (TestRole tracker = TestRole.create(PostgresServer.shared(), "reset_no_select");
             TestDatabase db = PostgresServer.shared().createDatabase("reset_no_select")) {
            db.execute(ResetFixture.SCHEMA);
            db.execute("GRANT CREATE ON DATABASE " + db.name() + " TO " + tracker.name() + ";"
                    + " GRANT USAGE ON SCHEMA app TO " + tracker.name() + ";"
                    + " GRANT TRIGGER ON ALL TABLES IN SCHEMA app TO " + tracker.name());
            String before = PgDump.run(db);

            assertThatThrownBy(() -> FastReset.capture(tracker.dataSource(db), dir.resolve("work"), false, true))
                    .isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("permission denied");
            assertThat(PgDump.run(db)).isEqualTo(before);
        }
    }

    private FastReset capture(TestDatabase db, boolean superuser) throws Exception {
        return captureWith(db, superuser, "SELECT 1");
    }

    /** The fixture made by {@code owner} (which may create schemas in {@code db}), captured as that role. */
    private FastReset captureAsOwner(TestDatabase db, TestRole owner, String extra) throws Exception {
        db.execute("GRANT CREATE ON DATABASE " + db.name() + " TO " + owner.name());
        owner.execute(db, ResetFixture.SCHEMA);
        owner.execute(db, extra);
        return FastReset.capture(owner.dataSource(db), dir.resolve("work"), false, true);
    }

    private FastReset captureWith(TestDatabase db, boolean superuser, String extra) throws Exception {
        db.execute(ResetFixture.SCHEMA);
        db.execute(extra);
        return FastReset.capture(db.dataSource(), dir.resolve("work"), false, superuser);
    }
}
