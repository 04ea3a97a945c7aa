package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-place restore behind an open reader: without a lock timeout it would wait for the reader
 * and make every new reader queue behind it. It gives up after its timeout, names the table and
 * the session, and changes nothing. (The JUnit timeout only keeps a restore that waits forever
 * from hanging the build.)
 */
class RestoreLockTimeoutTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRestoreBehindAnOpenReaderFailsNamingTheTableAndTheSessionAndChangesNothing(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("restore_lock_timeout")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = db.connect()) {
                snapshot = store.write("before", new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData())
                        .snapshotContent(c));
            }
            db.execute("CREATE TABLE app.added_later (id int)");
            String before = PgDump.run(db, "--no-owner");

            try (Connection reader = db.connect(); Connection c = db.connect()) {
                int readerPid;
                try (Statement s = reader.createStatement()) {
                    s.execute("SET application_name = 'nightly report'");
                    reader.setAutoCommit(false);
                    // an open transaction that read a table: ACCESS SHARE until it ends
                    s.executeQuery("SELECT count(*) FROM app.accounts").close();
                    try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                        rs.next();
                        readerPid = rs.getInt(1);
                    }
                }
                RestoreOptions options = RestoreOptions.defaults().withLockTimeout(Duration.ofMillis(300));
                assertThatThrownBy(() -> new SnapshotRestorer(store, options).restore(c, snapshot))
                        .isInstanceOf(LockNotAvailableException.class)
                        .hasMessageContaining("lock timeout (300 ms)")
                        .hasMessageContaining("table app.accounts: AccessShareLock held by server process " + readerPid)
                        .hasMessageContaining("application_name 'nightly report'")
                        .hasMessageContaining("idle in transaction since ")
                        .hasMessageContaining("nothing was changed");
                reader.rollback();
            }
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before);
        }
    }
}
