package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.restore.script.ScriptReader;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore transaction's {@code maintenance_work_mem} and {@code max_parallel_maintenance_workers}:
 * raised inside it (read by the server's {@code current_setting} within the transaction), never
 * lowered, and gone after it on the same connection, whether the restore committed or failed.
 */
class MaintenanceSettingsRestoreTest {

    private static final String SCRIPT = "CREATE TABLE public.t (id integer);\n"
            + "COPY public.t (id) FROM stdin;\n1\n2\n\\.\n"
            + "CREATE INDEX t_id ON public.t (id);\n";

    @Test
    void theRestoreTransactionTakesTheOptionsMemoryAndTheSessionKeepsItsOwnAfterwards() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("settings_raised");
             Connection c = db.connect()) {
            String before = setting(c, "maintenance_work_mem");
            assertThat(before).as("the server's default, lower than the restore's").isEqualTo("64MB");

            List<String> inside = tryOut(new Restorer(RestoreOptions.DEFAULT_LOCK_TIMEOUT, 256), c);

            assertThat(inside.get(0)).isEqualTo("256MB");
            assertThat(setting(c, "maintenance_work_mem")).isEqualTo(before);
            new Restorer(RestoreOptions.DEFAULT_LOCK_TIMEOUT, 256).restore(c, script(SCRIPT));
            assertThat(setting(c, "maintenance_work_mem")).isEqualTo(before);
            assertThat(setting(c, "max_parallel_maintenance_workers"))
                    .isEqualTo(serverValue(c, "max_parallel_maintenance_workers"));
        }
    }

    @Test
    void indexBuildsGetTheWorkersTheServersPoolAllowsUpToFour() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("settings_workers");
             Connection c = db.connect()) {
            int pool = Integer.parseInt(serverValue(c, "max_parallel_workers"));
            int configured = Integer.parseInt(serverValue(c, "max_parallel_maintenance_workers"));
            assertThat(configured).as("the server's default").isEqualTo(2);

            List<String> inside = tryOut(new Restorer(), c);

            assertThat(Integer.parseInt(inside.get(1))).isEqualTo(Math.max(configured, Math.min(pool, 4)));
            execute(c, "SET max_parallel_workers = 1");
            assertThat(tryOut(new Restorer(), c).get(1)).as("a smaller pool: the configured 2 are not lowered")
                    .isEqualTo("2");
        }
    }

    @Test
    void aDatabaseConfiguredWithMoreMemoryKeepsIt() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("settings_higher")) {
            db.execute("ALTER DATABASE \"" + db.name() + "\" SET maintenance_work_mem = '512MB'");
            try (Connection c = db.connect()) {
                assertThat(tryOut(new Restorer(RestoreOptions.DEFAULT_LOCK_TIMEOUT, 256), c).get(0)).isEqualTo("512MB");
                assertThat(setting(c, "maintenance_work_mem")).isEqualTo("512MB");
            }
        }
    }

    @Test
    void aSnapshotRestoreTakesTheMemoryItsOptionsGive(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("settings_snapshot")) {
            // a check of each row loaded writes down the maintenance_work_mem it runs under
            db.execute("CREATE TABLE public.seen (setting text);"
                    + " CREATE FUNCTION public.note_setting() RETURNS boolean LANGUAGE sql AS $$ INSERT INTO public.seen"
                    + " VALUES (pg_catalog.current_setting('maintenance_work_mem')) RETURNING true $$;"
                    + " CREATE TABLE public.checked (id integer CHECK (public.note_setting()));"
                    + " INSERT INTO public.checked VALUES (1)");
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = db.connect()) {
                snapshot = store.write("checked", new DatabaseDumper(CatalogReader.allSchemas(),
                        DumpOptions.schemaAndData()).snapshotContent(c));
            }

            try (Connection c = db.connect()) {
                new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot().withMaintenanceWorkMem(300))
                        .restore(c, snapshot);
                assertThat(setting(c, "maintenance_work_mem")).isEqualTo("64MB");
            }

            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT string_agg(DISTINCT setting, ',') FROM public.seen")) {
                rs.next();
                assertThat(rs.getString(1)).as("the source's insert, then the restore's load").isEqualTo("300MB,64MB");
            }
        }
    }

    @Test
    void noneKeepsTheServersMemory() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("settings_none");
             Connection c = db.connect()) {
            assertThat(tryOut(new Restorer(RestoreOptions.DEFAULT_LOCK_TIMEOUT, 0), c).get(0)).isEqualTo("64MB");
        }
    }

    @Test
    void aFailedRestoreLeavesNeitherItsRowsNorItsSettings() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("settings_failed");
             Connection c = db.connect()) {
            String before = setting(c, "maintenance_work_mem");

            assertThatThrownBy(() -> new Restorer().restore(c, script(SCRIPT + "SELECT 1/0;\n")))
                    .isInstanceOf(RestoreFailedException.class)
                    .hasMessageContaining("division by zero");

            assertThat(setting(c, "maintenance_work_mem")).isEqualTo(before);
            assertThat(setting(c, "max_parallel_maintenance_workers"))
                    .isEqualTo(serverValue(c, "max_parallel_maintenance_workers"));
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_catalog.to_regclass('public.t') IS NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the table is gone").isTrue();
            }
        }
    }

    @Test
    void theOptionIsCheckedAgainstWhatPostgresqlAccepts() {
        assertThat(RestoreOptions.defaults().maintenanceWorkMemMegabytes())
                .isEqualTo(RestoreOptions.DEFAULT_MAINTENANCE_WORK_MEM_MB);
        assertThat(RestoreOptions.defaults().withMaintenanceWorkMem(1024).noOwner().maintenanceWorkMemMegabytes())
                .isEqualTo(1024);
        assertThatThrownBy(() -> RestoreOptions.defaults().withMaintenanceWorkMem(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maintenance_work_mem");
        // 2147483647 kB is PostgreSQL's largest maintenance_work_mem
        assertThatThrownBy(() -> new Restorer(Duration.ofSeconds(1), 2_097_152))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2097151");
    }

    /** The two settings as the server reads them inside the restore's transaction, after the script. */
    private static List<String> tryOut(Restorer restorer, Connection c) {
        return restorer.tryOut(c, new ScriptReader(script(SCRIPT)), x -> { }, s -> false,
                x -> List.of(setting(x, "maintenance_work_mem"), setting(x, "max_parallel_maintenance_workers")))
                .inspected();
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The value a session starts with (the server's, the database's): what RESET gives back. */
    private static String serverValue(Connection c, String name) throws SQLException {
        try (var s = c.prepareStatement("SELECT reset_val FROM pg_catalog.pg_settings WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static ByteArrayInputStream script(String sql) {
        return new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8));
    }
}
