package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dump.TableData;
import io.dbsnap.dumper.DumpResult;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY ... FREEZE where the script created the table in the restore's transaction, and the COPY as
 * written everywhere else. The server itself tells which rows were frozen: frozen rows are visible
 * to a repeatable-read snapshot taken before the restore began (the MVCC exception the COPY
 * documentation warns of), rows loaded without FREEZE are not. Where FREEZE is not allowed, the
 * server refuses it and the restore fails, so a restore that succeeds there shows it was left out.
 */
class CopyFreezeRestoreTest {

    private static final String ROWS = "1\tone\n2\ttwo\n\\.\n";

    @Test
    void rowsOfATableTheScriptCreatesAreWrittenFrozen() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_created");
             Connection observer = olderSnapshot(db)) {
            restore(db, "CREATE TABLE public.fresh (id integer PRIMARY KEY, name text);\n"
                    + "COPY public.fresh (id, name) FROM stdin;\n" + ROWS);

            assertThat(count(observer, "public.fresh")).as("rows seen by a snapshot older than the restore").isEqualTo(2);
            assertThat(count(db, "public.fresh")).isEqualTo(2);
        }
    }

    @Test
    void aSnapshotWithDataRestoresFrozenAndAsPgDumpSawTheSource(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("freeze_snapshot_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("freeze_snapshot_dst")) {
            src.execute(SampleSchemas.dataKinds());
            Path script = dir.resolve("snapshot.sql");
            DumpResult dumped = RestorerTest.dump(src, script, false);
            assertThat(dumped.tables()).as("tables with rows to load").anyMatch(t -> t.rows() > 0);

            try (Connection observer = olderSnapshot(dst)) {
                try (Connection c = dst.connect()) {
                    new Restorer().restore(c, script);
                }

                for (TableData table : dumped.tables()) {
                    // ONLY: a parent of inheritance is dumped without its children's rows
                    assertThat(count(observer, "ONLY " + table.table().sql())).as("frozen rows of " + table.table())
                            .isEqualTo(table.rows());
                }
            }
            assertThat(PgDump.run(dst, "--no-owner")).isEqualTo(PgDump.run(src, "--no-owner"));
        }
    }

    @Test
    void quotedNamesAndAColumnListWithParenthesesAreFrozenToo() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_quoted");
             Connection observer = olderSnapshot(db)) {
            restore(db, "CREATE SCHEMA \"My Schema\";\n"
                    + "CREATE TABLE \"My Schema\".\"Odd\"\"Table\" (\"a)b\" integer, name text);\n"
                    + "COPY \"My Schema\".\"Odd\"\"Table\" (\"a)b\", name) FROM stdin;\n" + ROWS);

            assertThat(count(observer, "\"My Schema\".\"Odd\"\"Table\"")).isEqualTo(2);
        }
    }

    @Test
    void rowsLoadedIntoATableThatExistedBeforeAreNotFrozen() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_existing")) {
            db.execute("CREATE TABLE public.existing (id integer, name text)");
            try (Connection observer = olderSnapshot(db)) {
                // FREEZE here would fail: the table was not created in the restore's transaction
                restore(db, "COPY public.existing (id, name) FROM stdin;\n" + ROWS);

                assertThat(count(observer, "public.existing")).isZero();
                assertThat(count(db, "public.existing")).isEqualTo(2);
            }
        }
    }

    @Test
    void createTableIfNotExistsOverAnExistingTableLoadsWithoutFreeze() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_if_not_exists")) {
            db.execute("CREATE TABLE public.existing (id integer, name text)");
            try (Connection observer = olderSnapshot(db)) {
                restore(db, "CREATE TABLE IF NOT EXISTS public.existing (id integer, name text);\n"
                        + "COPY public.existing (id, name) FROM stdin;\n" + ROWS);

                assertThat(count(observer, "public.existing")).isZero();
                assertThat(count(db, "public.existing")).isEqualTo(2);
            }
        }
    }

    @Test
    void aPartitionedTableIsLoadedWithoutFreezeAndItsPartitionWithIt() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_partitioned");
             Connection observer = olderSnapshot(db)) {
            // the server refuses FREEZE on the partitioned table itself; a partition is an ordinary table
            restore(db, "CREATE TABLE public.measure (id integer, at date) PARTITION BY RANGE (at);\n"
                    + "CREATE TABLE public.measure_2024 PARTITION OF public.measure"
                    + " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
                    + "COPY public.measure (id, at) FROM stdin;\n1\t2024-05-01\n\\.\n"
                    + "COPY public.measure_2024 (id, at) FROM stdin;\n2\t2024-06-01\n\\.\n");

            assertThat(count(db, "public.measure")).isEqualTo(2);
            assertThat(ids(observer, "public.measure")).as("only the row loaded into the partition is frozen")
                    .isEqualTo("2");
        }
    }

    @Test
    void aTableRenamedByTheScriptIsLoadedWithoutFreeze() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_renamed")) {
            db.execute("CREATE TABLE public.old (id integer, name text)");
            try (Connection observer = olderSnapshot(db)) {
                // public.t is created here, but the name then means the table that existed before
                restore(db, "CREATE TABLE public.t (id integer, name text);\n"
                        + "ALTER TABLE public.t RENAME TO gone;\n"
                        + "ALTER TABLE public.old RENAME TO t;\n"
                        + "COPY public.t (id, name) FROM stdin;\n" + ROWS);

                assertThat(count(observer, "public.t")).as("the table that was public.old").isZero();
                assertThat(count(db, "public.t")).isEqualTo(2);
            }
        }
    }

    @Test
    void aSavepointInTheScriptLeavesFreezeOut() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_savepoint");
             Connection observer = olderSnapshot(db)) {
            // the COPY runs in the savepoint's subtransaction, not the one that created the table
            restore(db, "CREATE TABLE public.t (id integer, name text);\n"
                    + "SAVEPOINT loading;\n"
                    + "COPY public.t (id, name) FROM stdin;\n" + ROWS);

            assertThat(count(observer, "public.t")).isZero();
            assertThat(count(db, "public.t")).isEqualTo(2);
        }
    }

    @Test
    void aConnectionThatWrapsStatementsInSavepointsLoadsWithoutFreeze() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_autosave");
             Connection observer = olderSnapshot(db)) {
            Properties properties = new Properties();
            properties.setProperty("user", db.user());
            properties.setProperty("password", db.password());
            properties.setProperty("autosave", "always");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), properties)) {
                // the SELECT, run on its own, gets a savepoint of its own from the driver
                new Restorer().restore(c, script("CREATE TABLE public.t (id integer, name text);\n"
                        + "SELECT 1;\n"
                        + "COPY public.t (id, name) FROM stdin;\n" + ROWS));
            }

            assertThat(count(observer, "public.t")).isZero();
            assertThat(count(db, "public.t")).isEqualTo(2);
        }
    }

    @Test
    void aFailureAfterAFrozenCopyStillRollsEverythingBack() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_rollback")) {
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new Restorer().restore(c, script(
                        "CREATE TABLE public.fresh (id integer, name text);\n"
                                + "COPY public.fresh (id, name) FROM stdin;\n" + ROWS
                                + "CREATE TABLE public.broken (id integer REFERENCES public.missing);\n")))
                        .isInstanceOf(RestoreFailedException.class)
                        .hasMessageContaining("public.missing")
                        .hasMessageContaining("rolled back");
            }

            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_catalog.to_regclass('public.fresh') IS NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the table and its frozen rows are gone").isTrue();
            }
        }
    }

    @Test
    void anOpenCursorInTheScriptLeavesFreezeOut() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("freeze_cursor");
             Connection observer = olderSnapshot(db)) {
            // the server refuses FREEZE while a cursor is open ("prior transaction activity")
            restore(db, "CREATE TABLE public.t (id integer, name text);\n"
                    + "DECLARE open_cursor CURSOR FOR SELECT 1;\n"
                    + "COPY public.t (id, name) FROM stdin;\n" + ROWS);

            assertThat(count(observer, "public.t")).isZero();
            assertThat(count(db, "public.t")).isEqualTo(2);
        }
    }

    private static void restore(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect()) {
            new Restorer().restore(c, script(sql));
        }
    }

    private static ByteArrayInputStream script(String sql) {
        return new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8));
    }

    /** A connection in a repeatable-read transaction whose snapshot is taken now, before the restore. */
    private static Connection olderSnapshot(TestDatabase db) throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
        return c;
    }

    private static long count(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connect()) {
            return count(c, table);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String ids(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(id::text, ',' ORDER BY id) FROM " + table)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
