package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dump.TableData;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A dump whose rows are read through several connections writes the same script, byte for byte,
 * as a dump through one, judged again by pg_dump: its rows are pg_dump's, and a database loaded
 * from it has pg_dump's dump of the source.
 */
class ParallelDataDumpTest {

    /** Tables of many sizes, so that some are copied ahead of their turn and some take their turn mid-table. */
    private static final String MANY_TABLES = """
            CREATE SCHEMA "Par Data";
            CREATE TABLE "Par Data".big (id int, body text);
            INSERT INTO "Par Data".big SELECT i, repeat(md5(i::text), 8) FROM generate_series(1, 40000) i;
            CREATE TABLE "Par Data".empty (id int);
            CREATE TABLE "Par Data".tiny (id int, note text);
            INSERT INTO "Par Data".tiny VALUES (1, E'tab\\there'), (2, NULL), (3, E'line\\nbreak \\\\.');
            CREATE TABLE "Par Data".middle (id bigint, at timestamptz, amount numeric, tags text[], payload jsonb);
            INSERT INTO "Par Data".middle SELECT i, timestamptz '2024-02-29 12:00+01' + i * interval '1 minute', i / 3.0,
                ARRAY['a', i::text], jsonb_build_object('n', i) FROM generate_series(1, 20000) i;
            CREATE TABLE "Par Data".floats (x double precision, r real, m money, d interval, b bytea);
            INSERT INTO "Par Data".floats SELECT i / 7.0, i / 3.0, i * 1.25, i * interval '1 day 3 min', decode(md5(i::text), 'hex')
                FROM generate_series(1, 3000) i;
            CREATE TABLE "Par Data".wide AS SELECT i AS id, repeat('w', 5000) AS filler FROM generate_series(1, 500) i;
            CREATE TABLE "Par Data".parent (id int PRIMARY KEY);
            INSERT INTO "Par Data".parent SELECT generate_series(1, 5000);
            CREATE TABLE "Par Data".child (id int, parent int REFERENCES "Par Data".parent);
            INSERT INTO "Par Data".child SELECT i, i % 5000 + 1 FROM generate_series(1, 30000) i;
            """;

    @Test
    void aParallelDumpIsByteIdenticalToASequentialOneAndRestoresToAnIdenticalDatabase(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("par_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("par_dst")) {
            src.execute(SampleSchemas.dataKinds());
            src.execute(MANY_TABLES);
            Path sequential = dir.resolve("sequential.sql");
            DumpResult expected;
            try (Connection c = src.connect(); OutputStream out = Files.newOutputStream(sequential)) {
                formatOtherwise(c);
                expected = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).dump(c, out);
            }
            // (pg_dump formats with settings of its own, so its rows are compared in the data-only test)
            for (int connections : new int[] {2, 3, 5}) {
                Path parallel = dir.resolve("parallel-" + connections + ".sql");
                DumpResult result;
                try (OutputStream out = Files.newOutputStream(parallel)) {
                    result = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData().parallel(connections))
                            .dump(firstConnectionFormatsOtherwise(src), out);
                }
                assertThat(Files.mismatch(sequential, parallel)).as("%d connections", connections).isEqualTo(-1);
                assertThat(result.tables()).isEqualTo(expected.tables());
            }

            Psql.runFile(dst, dir.resolve("parallel-3.sql"));
            assertThat(PgDump.run(dst, "--no-owner")).isEqualTo(PgDump.run(src, "--no-owner"));
            assertThat(spoolFiles()).isEmpty();
        }
    }

    @Test
    void aDataOnlyParallelDumpHasPgDumpsRowsAndLoadsIntoTheSameSchema(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("par_dataonly_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("par_dataonly_dst")) {
            src.execute(MANY_TABLES);
            Path schema = dir.resolve("schema.sql");
            Files.writeString(schema, PgDump.run(src, "--schema-only"));
            Psql.runFile(dst, schema);

            Path script = dir.resolve("data.sql");
            DumpResult result;
            try (OutputStream out = Files.newOutputStream(script)) {
                result = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly().parallel(4))
                        .dump(src.dataSource(), out);
            }
            String pgDumpData = PgDump.run(src, "--data-only");
            assertThat(result.tables()).hasSize(8);
            for (TableData table : result.tables()) {
                assertThat(table.rows()).as("rows of %s", table.table()).isEqualTo(DataDumpTest.count(src, table.table()));
                assertThat(table.sha256()).as("checksum of %s", table.table())
                        .isEqualTo(DataDumpTest.sha256OfCopyBlock(pgDumpData, table.table()));
            }
            // the referenced table's rows before the referencing table's, foreign key in place
            Psql.runFile(dst, script);
            assertThat(PgDump.run(dst, "--no-owner")).isEqualTo(PgDump.run(src, "--no-owner"));
        }
    }

    @Test
    void aTableAnotherSessionWaitsToLockIsCopiedByTheDumpsOwnConnectionInsteadOfDeadlocking(@TempDir Path dir)
            throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("par_queued")) {
            db.execute(MANY_TABLES);
            Path sequential = dir.resolve("sequential.sql");
            try (Connection c = db.connect(); OutputStream out = Files.newOutputStream(sequential)) {
                new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly()).dump(c, out);
            }

            // Once the dump holds its locks (its first bytes are written after them), a migration asks
            // for an exclusive lock on every table and waits behind the dump. A worker asking for its
            // own lock would queue behind the migration, which waits for the dump: the dump with itself.
            Path parallel = dir.resolve("parallel.sql");
            CompletableFuture<String> migration = new CompletableFuture<>();
            AtomicBoolean migrationStarted = new AtomicBoolean();
            try (Connection migrating = db.connect();
                 OutputStream out = new FilterOutputStream(Files.newOutputStream(parallel)) {
                     @Override
                     public void write(byte[] bytes, int offset, int length) throws IOException {
                         if (migrationStarted.compareAndSet(false, true)) {
                             startMigration(db, migrating, migration);
                         }
                         out.write(bytes, offset, length);
                     }
                 }) {
                new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly().parallel(3)).dump(db.dataSource(), out);
                assertThat(migration.get(30, TimeUnit.SECONDS)).isEqualTo("locked after the dump");
            }
            assertThat(Files.mismatch(sequential, parallel)).isEqualTo(-1);
        }
    }

    /**
     * Locks every table of the schema exclusively in another thread, and returns once that
     * migration's own session waits for a lock: its backend pid has an ungranted lock in pg_locks
     * (another session's wait on the shared server would say nothing about this one). Fails after
     * 30 seconds, or as soon as the migration ends without having waited.
     */
    private static void startMigration(TestDatabase db, Connection migrating, CompletableFuture<String> done) throws IOException {
        int migrationPid;
        try (Statement s = migrating.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            migrationPid = rs.getInt(1);
        } catch (SQLException e) {
            throw new IOException(e);
        }
        Thread t = new Thread(() -> {
            try (Statement s = migrating.createStatement()) {
                s.execute("BEGIN; LOCK TABLE \"Par Data\".big, \"Par Data\".empty, \"Par Data\".tiny, \"Par Data\".middle,"
                        + " \"Par Data\".floats, \"Par Data\".wide, \"Par Data\".parent, \"Par Data\".child IN ACCESS EXCLUSIVE MODE");
                s.execute("ROLLBACK");
                done.complete("locked after the dump");
            } catch (SQLException e) {
                done.complete("failed: " + e.getMessage());
            }
        });
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = db.connect();
             PreparedStatement waiting = c.prepareStatement(
                     "SELECT count(*) FROM pg_catalog.pg_locks WHERE pid = ? AND NOT granted")) {
            waiting.setInt(1, migrationPid);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                if (done.isDone()) {
                    throw new IOException("the migration (pid " + migrationPid + ") ended without waiting for a lock: "
                            + done.getNow(""));
                }
                Thread.sleep(20);
            }
            throw new IOException("the migration (pid " + migrationPid + ") did not wait for a lock within 30 s");
        } catch (SQLException | InterruptedException e) {
            throw new IOException(e);
        }
    }

    @Test
    void whenTheOutputFailsTheDumpStopsAndLeavesNoTemporaryFiles() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("par_fail")) {
            db.execute(MANY_TABLES);
            List<Path> before = spoolFiles();
            OutputStream failing = new OutputStream() {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    written += length;
                    if (written > 300_000) {
                        throw new IOException("disk full");
                    }
                }
            };
            assertThatThrownBy(() -> new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly().parallel(3))
                    .dump(db.dataSource(), failing))
                    .isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("disk full")
                    .hasMessageContaining("must not be used");
            assertThat(spoolFiles()).isEqualTo(before);
            // every worker connection was closed
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = current_database()"
                         + " AND pid <> pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void moreThanOneConnectionNeedsAWayToOpenThem() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("par_one")) {
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly().parallel(2))
                        .dump(c, new ByteArrayOutputStream()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("DataSource");
            }
            assertThatThrownBy(() -> DumpOptions.dataOnly().parallel(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * Connections to {@code db}, the first (the dump's own) formatting values unlike the server's
     * defaults, the others not: the workers must write rows as the dump's connection does. (All
     * settings that lose nothing, so that the script still restores to an identical database.)
     */
    private static DataSource firstConnectionFormatsOtherwise(TestDatabase db) {
        AtomicInteger opened = new AtomicInteger();
        PGSimpleDataSource source = new PGSimpleDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = super.getConnection();
                if (opened.getAndIncrement() == 0) {
                    formatOtherwise(c);
                }
                return c;
            }
        };
        source.setURL(db.jdbcUrl());
        source.setUser(db.user());
        source.setPassword(db.password());
        return source;
    }

    private static void formatOtherwise(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'Asia/Kathmandu'; SET IntervalStyle = 'iso_8601';"
                    + " SET bytea_output = 'escape'");
        }
    }

    private static List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("dbsnap-table-")).sorted().toList();
        }
    }
}
