package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.testkit.CatalogOracle;
import io.dbsnap.testkit.DataOracle;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import io.dbsnap.testkit.TestRole;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reset on the oldest supported server, the last before partitioned tables' triggers enable
 * their partitions' clones (13), and the newest, from the testkit's binaries. pg_dump 15, the
 * machine's, refuses newer servers, so the judges are the testkit's catalog oracle and the
 * data oracle (the server's own text of every row and sequence), neither of them dbsnap code.
 * The reset of a role that is not a superuser runs as a real role that owns the tables.
 */
class ResetVersionsTest {

    /** A row trigger on a partitioned table, enabled ALWAYS: its clones must come back in that mode. */
    private static final String PARTITIONED_TRIGGER = """
            CREATE TRIGGER events_audit AFTER INSERT ON app.events FOR EACH ROW EXECUTE FUNCTION app.log_change();
            ALTER TABLE app.events ENABLE ALWAYS TRIGGER events_audit;
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"12", "13", "17", "18"})
    void asSuperuserChangedRowsAreUndoneAndDdlCostsAFullRestore(String version) throws Exception {
        try (TestDatabase db = PostgresServer.ofMajorVersion(version).createDatabase("reset_versions_su");
             FastReset reset = capture(db, true)) {
            State before = State.of(db);

            db.execute(ResetFixture.DATA_CHANGES);
            ResetReport fast = reset.reset();

            assertThat(fast.kind()).as(fast.fullRestoreReason().orElse("")).isEqualTo(ResetReport.Kind.FAST);
            assertThat(fast.tables()).contains("app.customers", "app.orders", "app.events_2024", "app.events_2025");
            assertThat(State.of(db)).isEqualTo(before);

            db.execute("ALTER TABLE app.countries ADD COLUMN population bigint; INSERT INTO app.tags VALUES (9, 1)");
            assertThat(reset.reset().kind()).isEqualTo(ResetReport.Kind.FULL);
            assertThat(State.of(db)).isEqualTo(before);
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"13", "17", "18"})
    void asARoleThatOwnsTheTablesTablesAreReloadedAndTriggersComeBackInTheirMode(String version) throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(version);
        try (TestRole owner = TestRole.create(server, "reset_versions_owner");
             TestDatabase db = server.createDatabase("reset_versions_owner");
             FastReset reset = captureAs(owner, db)) {
            State before = State.of(db);
            // a real role that is not a superuser: no event triggers, foreign keys checked
            assertThat(CatalogOracle.describe(db, true)).contains("owner of table app.orders: " + owner.name())
                    .doesNotContain("event trigger ");

            db.execute(ResetFixture.DATA_CHANGES);
            ResetReport fast = reset.reset();

            assertThat(fast.kind()).as(fast.fullRestoreReason().orElse("")).isEqualTo(ResetReport.Kind.FAST);
            // the audit table would hold a row per reloaded order or event if a trigger had fired
            assertThat(State.of(db)).isEqualTo(before);
            assertThat(reset.verify().differences()).isEmpty();
        }
    }

    /**
     * On 12 a partition's clone of a row trigger is an internal trigger, which only a superuser
     * may disable or enable: a role that is not a superuser can put neither the partitions' rows
     * back with the trigger kept quiet (fast path) nor the trigger's ALWAYS mode (full restore).
     * The reset must then fail with the server's reason, not reset wrongly, and leave the rows as
     * the test left them.
     */
    @Test
    void onPostgres12ARoleThatIsNotASuperuserCannotSilenceAPartitionedTablesTriggerAndSaysSo() throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion("12");
        try (TestRole owner = TestRole.create(server, "reset_12_owner");
             TestDatabase db = server.createDatabase("reset_12_owner");
             FastReset reset = captureAs(owner, db)) {
            db.execute(ResetFixture.DATA_CHANGES);
            List<String> changed = DataOracle.describe(db);

            assertThatThrownBy(reset::reset).isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("\"events_audit\" is a system trigger")
                    .hasMessageContaining("rolled back");
            assertThat(DataOracle.describe(db)).isEqualTo(changed);
        }
    }

    /** The fixture made by {@code owner} (a role that is not a superuser), captured as that role. */
    private FastReset captureAs(TestRole owner, TestDatabase db) throws Exception {
        db.execute("GRANT CREATE ON DATABASE " + db.name() + " TO " + owner.name());
        owner.execute(db, ResetFixture.SCHEMA);
        // as the server's superuser: on 12 a partition's clone of a trigger is an internal trigger,
        // whose mode only a superuser may change (ALTER TABLE on the parent recurses into it)
        db.execute(PARTITIONED_TRIGGER);
        return FastReset.capture(owner.dataSource(db), dir.resolve("work"), false, true);
    }

    private FastReset capture(TestDatabase db, boolean superuser) throws Exception {
        db.execute(ResetFixture.SCHEMA);
        db.execute(PARTITIONED_TRIGGER);
        return FastReset.capture(db.dataSource(), dir.resolve("work"), false, superuser);
    }


    /**
     * The database as the server describes it: the catalog oracle's lines, and the data oracle's
     * (rows compared in sorted order, as rows put back may come in another physical order).
     */
    private record State(String catalog, List<String> contents) {

        static State of(TestDatabase db) throws Exception {
            // the tracking's own objects are made anew by a full restore, under other names
            String catalog = CatalogOracle.describe(db).lines().filter(line -> !line.contains("dbsnap_reset"))
                    .collect(Collectors.joining("\n"));
            return new State(catalog, DataOracle.describe(db));
        }
    }
}
