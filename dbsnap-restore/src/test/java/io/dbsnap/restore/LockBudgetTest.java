package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock estimate of a restore, against the locks the server really holds at its end. */
class LockBudgetTest {

    @Test
    void aRestoreThatDoesNotFitTheLockTableIsRefusedWithTheSettingToChange() {
        // 10 locks for each of 5 processes: 50 in all; 120 needed is 24 per process, plus a quarter
        LockBudget budget = new LockBudget(10, 5);

        assertThatCode(() -> budget.check(50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> budget.check(120)).isInstanceOf(DbSnapException.class)
                .hasMessageContaining("about 120 locks").hasMessageContaining("holds 50")
                .hasMessageContaining("max_locks_per_transaction to at least 31");
    }

    @Test
    void theServersLockTableIsSizedFromItsSettings() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("locks_settings"); Connection c = db.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('max_locks_per_transaction')::int")) {
            rs.next();
            LockBudget budget = LockBudget.of(c);
            assertThat(budget.maxLocksPerTransaction()).isEqualTo(rs.getInt(1));
            // at least the client connections, plus the server's own processes
            assertThat(budget.processes()).isGreaterThan(currentInt(c, "max_connections"));
        }
    }

    @Test
    void theEstimateCoversTheLocksAnExactRestoreHoldsAtItsEnd(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("locks_held")) {
            db.execute(SampleSchemas.dataKinds());
            SnapshotStore store = new SnapshotStore(dir);
            Catalog catalog;
            try (Connection c = db.connect()) {
                catalog = CatalogReader.allSchemas().read(c);
            }
            // the script's last statement records the locks its transaction holds in the shared table
            StoredSnapshot counting = EditedSnapshot.withStatement(store, db, "counting", DumpOptions.schemaAndData(),
                    "CREATE UNLOGGED TABLE public.lock_count AS SELECT count(*) AS n FROM pg_catalog.pg_locks"
                            + " WHERE pid = pg_catalog.pg_backend_pid() AND NOT fastpath;");

            try (Connection c = db.connect()) {
                new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, counting);
                long held = currentLong(c, "SELECT n FROM public.lock_count");
                // dropped and created: the same catalog twice
                int estimate = LockBudget.CATALOG_READ + 2 * LockBudget.locksFor(catalog);
                // enough, without refusing restores that would fit by far
                assertThat(estimate).isGreaterThanOrEqualTo((int) held).isLessThan(2 * (int) held);
            }
        }
    }

    private static int currentInt(Connection c, String setting) throws Exception {
        return (int) currentLong(c, "SELECT current_setting('" + setting + "')::int");
    }

    private static long currentLong(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
