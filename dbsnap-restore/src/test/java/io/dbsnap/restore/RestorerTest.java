package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dumper.DumpResult;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.Skip;
import io.dbsnap.testkit.TestDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restorer, judged by pg_dump: what it loads is what pg_dump sees in the source, and a
 * failure anywhere leaves the database as pg_dump saw it before.
 */
class RestorerTest {

    private static final String FULL = "--no-owner";

    @Test
    void aSchemaAndDataSnapshotRestoresToAnIdenticalDatabase(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("restore_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("restore_dst")) {
            src.execute(SampleSchemas.dataKinds());
            Path script = dir.resolve("snapshot.sql");
            DumpResult dumped = dump(src, script, false);

            RestoreResult restored;
            try (Connection c = dst.connect()) {
                restored = new Restorer().restore(c, script);
                assertThat(c.getAutoCommit()).isTrue();
                // the script's search_path ('') does not outlive it on the caller's connection
                assertThat(setting(c, "search_path")).isEqualTo("\"$user\", public");
            }

            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
            assertThat(restored.rows()).isEqualTo(dumped.tables().stream().mapToLong(t -> t.rows()).sum());
        }
    }

    @Test
    void aGzipSnapshotRestoresTheSame(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("restore_gz_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("restore_gz_dst")) {
            src.execute(SampleSchemas.dataKinds());
            Path script = dir.resolve("snapshot.sql.gz");
            dump(src, script, true);

            try (Connection c = dst.connect()) {
                new Restorer().restore(c, script);
            }

            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
        }
    }

    @Test
    void aPlainPgDumpFileRestoresLikePsqlWouldRunIt(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("restore_pgdump_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("restore_pgdump_dst")) {
            src.execute(SampleSchemas.dataKinds());
            // pg_dump's own file: \restrict lines (15.14+), BEGIN/COMMIT around large objects, owners
            Path script = dir.resolve("pg_dump.sql");
            PgDump.toFile(src, script, "--no-owner");

            try (Connection c = dst.connect()) {
                new Restorer().restore(c, script);
            }

            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
        }
    }

    @Test
    void aFailureInTheLastStatementOfALargeRestoreLeavesTheDatabaseAsItWas(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("restore_fail_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("restore_fail_dst")) {
            src.execute(SampleSchemas.dataKinds());
            src.execute("CREATE TABLE public.bulk AS SELECT i, md5(i::text) AS h FROM generate_series(1, 200000) i");
            dst.execute("CREATE TABLE public.already_here (id int PRIMARY KEY); INSERT INTO public.already_here VALUES (1), (2)");
            String before = PgDump.run(dst, FULL);
            Path script = dir.resolve("snapshot.sql");
            dump(src, script, false);
            long lines = Files.lines(script).count();
            Files.writeString(script, "SELECT 1 / 0;\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            try (Connection c = dst.connect()) {
                assertThatThrownBy(() -> new Restorer().restore(c, script))
                        .isInstanceOfSatisfying(RestoreFailedException.class, e -> {
                            assertThat(e.line()).isEqualTo(lines + 1);
                            assertThat(e.sqlState()).isEqualTo("22012");
                            assertThat(e.getMessage()).contains("line " + (lines + 1), "SELECT 1 / 0;", "division by zero",
                                    "22012", "rolled back");
                        });
            }

            assertThat(PgDump.run(dst, FULL)).isEqualTo(before);
        }
    }

    @Test
    void aFailingDdlStatementInsideABatchIsNamed(@TempDir Path dir) throws Exception {
        try (TestDatabase dst = PostgresServer.shared().createDatabase("restore_batch_fail")) {
            Path script = dir.resolve("broken.sql");
            Files.writeString(script, """
                    CREATE TABLE a (id int);
                    CREATE TABLE b (id int);
                    -- the third statement refers to a table that does not exist
                    ALTER TABLE missing ADD COLUMN x int;
                    CREATE TABLE c (id int);
                    """);
            String before = PgDump.run(dst, FULL);

            try (Connection c = dst.connect()) {
                assertThatThrownBy(() -> new Restorer().restore(c, script))
                        .isInstanceOfSatisfying(RestoreFailedException.class, e -> {
                            assertThat(e.statementNumber()).isEqualTo(3);
                            assertThat(e.line()).isEqualTo(4);
                            assertThat(e.sqlState()).isEqualTo("42P01");
                            assertThat(e.getMessage()).contains("ALTER TABLE missing ADD COLUMN x int;");
                        });
            }
            assertThat(PgDump.run(dst, FULL)).isEqualTo(before);
        }
    }

    @Test
    void aConnectToAnotherDatabaseIsRefusedBeforeItTakesEffect(@TempDir Path dir) throws Exception {
        try (TestDatabase dst = PostgresServer.shared().createDatabase("restore_connect")) {
            Path script = dir.resolve("connect.sql");
            Files.writeString(script, "CREATE TABLE t (id int);\n\\connect other_db\nCREATE TABLE u (id int);\n");

            try (Connection c = dst.connect()) {
                assertThatThrownBy(() -> new Restorer().restore(c, script))
                        .isInstanceOf(DbSnapException.class)
                        .hasMessageContaining("Line 2")
                        .hasMessageContaining("another database");
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 't'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            }
        }
    }

    @Test
    void aSqlStandardFunctionBodyWithSemicolonsRunsAsOneStatement(@TempDir Path dir) throws Exception {
        try (TestDatabase dst = PostgresServer.shared().createDatabase("restore_atomic")) {
            Skip.unless(dst.server().majorVersion() >= 14, "aSqlStandardFunctionBodyWithSemicolonsRunsAsOneStatement",
                    "the shared server is PostgreSQL " + dst.server().majorVersion() + "; BEGIN ATOMIC bodies are 14+");
            Path script = dir.resolve("atomic.sql");
            Files.writeString(script, """
                    CREATE TABLE public.ledger (id int);
                    CREATE FUNCTION public.ledger_size() RETURNS bigint
                        LANGUAGE sql STABLE
                        BEGIN ATOMIC
                     SELECT 1;
                     SELECT count(*) AS count
                        FROM public.ledger;
                    END;
                    INSERT INTO public.ledger VALUES (1), (2);
                    """);

            try (Connection c = dst.connect()) {
                RestoreResult result = new Restorer().restore(c, script);
                assertThat(result.statements()).isEqualTo(3);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT public.ledger_size()")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                }
            }
        }
    }

    static DumpResult dump(TestDatabase db, Path file, boolean gzip) throws Exception {
        try (Connection c = db.connect(); OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            return new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).dump(c, out);
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
