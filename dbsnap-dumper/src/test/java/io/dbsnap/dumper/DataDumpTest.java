package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dump.TableData;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data snapshots, judged by pg_dump: a database loaded from dbsnap's script with psql has the same
 * full pg_dump (schema, rows, sequence values, large objects, refreshed materialized views) as
 * the source, and the row counts and checksums dbsnap records agree with the server's count and
 * with a hash of pg_dump's own COPY text of the table.
 */
public class DataDumpTest {

    private static final String FULL = "--no-owner";

    @Test
    void aSchemaAndDataSnapshotRestoresToAnIdenticalDatabase(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("data_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("data_dst")) {
            src.execute(SampleSchemas.dataKinds());

            Path script = dir.resolve("snapshot.sql");
            DumpResult result = dump(src, DumpOptions.schemaAndData(), script);
            Psql.runFile(dst, script);

            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
            assertThat(result.tables()).extracting(TableData::table).doesNotContain(
                    new QualifiedName("Data Kinds", "measurement"));
            String pgDumpData = PgDump.run(src, "--data-only");
            for (TableData table : result.tables()) {
                assertThat(table.rows()).as("rows of %s", table.table()).isEqualTo(count(src, table.table()));
                assertThat(table.sha256()).as("checksum of %s", table.table()).isEqualTo(sha256OfCopyBlock(pgDumpData, table.table()));
            }
        }
    }

    @Test
    void theCallersSessionSettingsShapeNeitherTheScriptNorTheRestoredValuesAndAreKept(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("settings_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("settings_dst")) {
            src.execute("CREATE TABLE t (f8 float8, f4 float4, i interval,"
                    + " d date DEFAULT '2024-02-29', ts timestamp DEFAULT '2024-02-29 13:14:15');"
                    + "INSERT INTO t VALUES (0.1::float8 + 0.2::float8, 1.1::float4 / 3::float4, '1 year 2 mons -3 days 04:05:06.5',"
                    + " '2001-02-03', '2001-02-03 04:05:06.789')");
            Path script = dir.resolve("snapshot.sql");
            try (Connection c = src.connect(); OutputStream out = Files.newOutputStream(script)) {
                // settings an application might have: lossy floats, another interval style, a short timeout
                try (Statement s = c.createStatement()) {
                    s.execute("SET extra_float_digits = 0; SET IntervalStyle = sql_standard; SET statement_timeout = '1min'");
                }
                new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).dump(c, out);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('extra_float_digits'),"
                        + " current_setting('IntervalStyle'), current_setting('statement_timeout')")) {
                    rs.next();
                    assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                            .containsExactly("0", "sql_standard", "1min");
                }
            }
            Psql.runFile(dst, script);
            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
            try (Connection c = dst.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT f8 = 0.1::float8 + 0.2::float8 FROM t")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the float's last bit survived").isTrue();
            }
        }
    }

    @Test
    void twoDumpsOfAnUnchangedDatabaseAreByteIdentical(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("data_twice")) {
            src.execute(SampleSchemas.dataKinds());
            assertThat(dump(src, DumpOptions.schemaAndData(), dir.resolve("a.sql")))
                    .isEqualTo(dump(src, DumpOptions.schemaAndData(), dir.resolve("b.sql")));
            assertThat(Files.mismatch(dir.resolve("a.sql"), dir.resolve("b.sql"))).isEqualTo(-1);
        }
    }

    @Test
    void aDataOnlySnapshotLoadsIntoTheSameSchemaWithItsForeignKeysInPlace(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("dataonly_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("dataonly_dst")) {
            src.execute(SampleSchemas.dataKinds());
            Path schema = dir.resolve("schema.sql");
            Files.writeString(schema, PgDump.run(src, "--schema-only"));
            Psql.runFile(dst, schema);
            // the large objects exist in the schema; a data-only snapshot fills them
            Path script = dir.resolve("data.sql");
            dump(src, DumpOptions.dataOnly(), script);

            assertThat(Files.readString(script)).doesNotContain("CREATE TABLE");
            Psql.runFile(dst, script);

            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
        }
    }

    @Test
    void excludedTableDataLeavesTheTableEmptyAndEverythingElseEqual(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("exdata_src");
             TestDatabase byHand = PostgresServer.shared().createDatabase("exdata_hand");
             TestDatabase dst = PostgresServer.shared().createDatabase("exdata_dst")) {
            src.execute(SampleSchemas.dataKinds());
            byHand.execute(SampleSchemas.dataKinds());
            byHand.execute("TRUNCATE \"Data Kinds\".audit, \"Data Kinds\".cache");

            Path script = dir.resolve("snapshot.sql");
            DumpResult result = dump(src, DumpOptions.schemaAndData().excludeTableData("Data Kinds.audit", "cach?"), script);
            Psql.runFile(dst, script);

            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(byHand, FULL));
            assertThat(result.tables()).extracting(TableData::table)
                    .doesNotContain(new QualifiedName("Data Kinds", "audit"), new QualifiedName("Data Kinds", "cache"));
        }
    }

    @Test
    void aTableLockedByAnotherSessionStopsTheDumpWithItsNameWhenTheTimeoutExpires(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("data_locked")) {
            src.execute(SampleSchemas.dataKinds());
            try (Connection migration = src.connect()) {
                migration.setAutoCommit(false);
                try (Statement s = migration.createStatement()) {
                    s.execute("LOCK TABLE \"Data Kinds\".audit IN ACCESS EXCLUSIVE MODE");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (Connection c = src.connect()) {
                    assertThatThrownBy(() -> new DatabaseDumper(CatalogReader.allSchemas(),
                            DumpOptions.schemaAndData().lockTimeout(Duration.ofMillis(200))).dump(c, out))
                            .isInstanceOf(LockNotAvailableException.class)
                            .hasMessageContaining("\"Data Kinds\".audit")
                            .hasMessageContaining("200 ms");
                    assertThat(c.getAutoCommit()).isTrue();
                }
                assertThat(out.size()).isZero();
                migration.rollback();
            }
        }
    }

    @Test
    void rowsTheRoleMayNotReadAreLeftOutWithAWarningInsteadOfFailingTheDump(@TempDir Path dir) throws Exception {
        String password = UUID.randomUUID().toString();
        String setUp = """
                CREATE SCHEMA app AUTHORIZATION dbsnap_data_app;
                CREATE TABLE app.notes (id int, body text);
                ALTER TABLE app.notes OWNER TO dbsnap_data_app;
                INSERT INTO app.notes VALUES (1, 'mine');
                CREATE SCHEMA vault;
                GRANT USAGE ON SCHEMA vault TO dbsnap_data_app;
                CREATE TABLE vault.keys (k text, v text);
                INSERT INTO vault.keys VALUES ('a', 'secret');
                """;
        try (TestDatabase src = PostgresServer.shared().createDatabase("unreadable_src");
             TestDatabase byHand = PostgresServer.shared().createDatabase("unreadable_hand");
             TestDatabase dst = PostgresServer.shared().createDatabase("unreadable_dst")) {
            src.execute("DROP ROLE IF EXISTS dbsnap_data_app; CREATE ROLE dbsnap_data_app LOGIN PASSWORD '" + password + "'");
            src.execute(setUp);
            byHand.execute(setUp);
            byHand.execute("TRUNCATE vault.keys");

            Path script = dir.resolve("snapshot.sql");
            DumpResult result;
            try (Connection c = DriverManager.getConnection(src.jdbcUrl(), "dbsnap_data_app", password);
                 OutputStream out = Files.newOutputStream(script)) {
                result = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).dump(c, out);
            }
            Psql.runFile(dst, script);

            assertThat(result.warnings()).singleElement().asString().contains("vault.keys", "SELECT");
            assertThat(PgDump.run(dst, "--no-owner", "--no-privileges"))
                    .isEqualTo(PgDump.run(byHand, "--no-owner", "--no-privileges"));
        }
    }

    @Test
    void everyTableIsDumpedAsOfOnePointInTimeAndStaysLockedAgainstDdl() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("data_consistent")) {
            // a's rows are larger than the dump's output buffer, so the output sees them while b is still to come
            db.execute("CREATE TABLE a (id int, filler text); INSERT INTO a SELECT i, repeat('x', 200) FROM generate_series(1, 2000) i;"
                    + " CREATE TABLE b (id int); INSERT INTO b VALUES (1)");
            List<String> concurrent = new ArrayList<>();
            OutputStream whileDumping = new FilterOutputStream(OutputStream.nullOutputStream()) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (concurrent.isEmpty()) {
                        concurrent.add(otherSession(db));
                    }
                }
            };

            DumpResult result;
            try (Connection c = db.connect()) {
                result = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).dump(c, whileDumping);
            }

            assertThat(concurrent).containsExactly("insert committed, ALTER TABLE refused: 55P03");
            assertThat(result.tables()).extracting(TableData::table, TableData::rows).containsExactly(
                    tuple(new QualifiedName("public", "a"), 2000L), tuple(new QualifiedName("public", "b"), 1L));
            assertThat(count(db, new QualifiedName("public", "b"))).isEqualTo(2);
        }
    }

    /** Another session, in the middle of the dump: adds a row to b, and tries to alter it. */
    private static String otherSession(TestDatabase db) throws IOException {
        try (Connection other = db.connect(); Statement s = other.createStatement()) {
            s.execute("INSERT INTO b VALUES (2)");
            s.execute("SET lock_timeout = 100");
            try {
                s.execute("ALTER TABLE b ADD COLUMN late int");
                return "insert committed, ALTER TABLE ran";
            } catch (SQLException e) {
                return "insert committed, ALTER TABLE refused: " + e.getSQLState();
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    public static DumpResult dump(TestDatabase db, DumpOptions options, Path file) throws Exception {
        try (Connection c = db.connect(); OutputStream out = Files.newOutputStream(file)) {
            return new DatabaseDumper(CatalogReader.allSchemas(), options).dump(c, out);
        }
    }

    static long count(TestDatabase db, QualifiedName table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ONLY " + table.sql())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The SHA-256 of the rows of {@code table}'s COPY block in a pg_dump script. */
    static String sha256OfCopyBlock(String pgDump, QualifiedName table) throws Exception {
        Matcher m = Pattern.compile("(?m)^COPY " + Pattern.quote(table.sql()) + " (?:\\([^\\n]*\\))? ?FROM stdin;\\n")
                .matcher(pgDump);
        assertThat(m.find()).as("pg_dump has a COPY block for %s", table).isTrue();
        int end = pgDump.indexOf("\n\\.\n", m.end() - 1);
        String rows = pgDump.substring(m.end(), end + 1);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rows.getBytes(StandardCharsets.UTF_8)));
    }
}
