package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore whose process dies (kill -9) in the middle of loading rows: the server rolls its
 * transaction back, so the database is as pg_dump saw it before, and dbsnap's lock is free again.
 */
class KilledRestoreTest {

    private static final String APPLICATION = "dbsnap_killed_restore";

    @Test
    void aRestoreKilledWhileLoadingRowsLeavesTheDatabaseAsItWas(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("killed")) {
            db.execute(SampleSchemas.demo());
            // enough rows that loading them takes a few seconds
            db.execute("CREATE TABLE app.events AS SELECT g AS id, md5(g::text) AS payload FROM generate_series(1, 1500000) g");
            SnapshotStore store = new SnapshotStore(dir);
            try (Connection c = db.connect()) {
                store.write("before", new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData())
                        .snapshotContent(c));
            }
            db.execute("DELETE FROM app.events WHERE id % 2 = 0; CREATE TABLE app.added_later (id int);");
            String before = PgDump.run(db);

            Path output = Files.createTempFile(dir, "child-", ".log");
            Process child = ChildJvm.start("-Xmx128m", KilledRestore.class, Map.of("DBSNAP_TEST_PASSWORD", db.password()),
                    output, db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION,
                    db.user(), dir.toString());
            try {
                assertThat(waitForCopy(db)).as("the child's restore reached its COPY; its output: %s",
                        Files.readString(output)).isTrue();
                child.destroyForcibly();
                child.waitFor();
            } finally {
                child.destroyForcibly();
            }
            assertThat(waitUntilGone(db)).as("the server ended the killed client's session").isTrue();

            assertThat(Files.readString(output)).doesNotContain("restored");
            assertThat(PgDump.run(db)).isEqualTo(before);
            try (Connection c = db.connect(); OperationLock lock = OperationLock.take(c)) {
                assertThat(lock).isNotNull();
            }
        }
    }

    /** Whether the child's session is running a COPY FROM STDIN within a minute. */
    private static boolean waitForCopy(TestDatabase db) throws Exception {
        return waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'COPY %'", true);
    }

    private static boolean waitUntilGone(TestDatabase db) throws Exception {
        return waitFor(db, "SELECT count(*) = 0 FROM pg_stat_activity WHERE application_name = ?", false);
    }

    private static boolean waitFor(TestDatabase db, String sql, boolean countAboveZero) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, APPLICATION);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (countAboveZero ? rs.getInt(1) > 0 : rs.getBoolean(1)) {
                        return true;
                    }
                }
                Thread.sleep(50);
            }
        }
        return false;
    }
}
