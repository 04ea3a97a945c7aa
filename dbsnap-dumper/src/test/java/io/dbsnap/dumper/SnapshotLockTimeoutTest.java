package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dump while another session holds an ACCESS EXCLUSIVE lock on a table under a view: reading the
 * view's definition waits for that lock, before any table is locked. The lock timeout must already
 * hold then. (The JUnit timeout only keeps a dump that waits forever from hanging the build.)
 */
class SnapshotLockTimeoutTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aTableLockedUnderAViewFailsTheDumpWithinTheLockTimeoutNamingTheTableAndSession() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("dump_view_locked")) {
            db.execute("CREATE SCHEMA app; CREATE TABLE app.orders (id int, total numeric DEFAULT 0);"
                    + " CREATE VIEW app.big_orders AS SELECT id FROM app.orders WHERE total > 100;");
            try (Connection holder = db.connect(); Connection c = db.connect()) {
                int holderPid;
                try (Statement s = holder.createStatement()) {
                    s.execute("SET application_name = 'schema change'");
                    holder.setAutoCommit(false);
                    s.execute("LOCK TABLE app.orders IN ACCESS EXCLUSIVE MODE");
                    try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                        rs.next();
                        holderPid = rs.getInt(1);
                    }
                }
                DatabaseDumper dumper = new DatabaseDumper(CatalogReader.allSchemas(),
                        DumpOptions.schemaOnly().lockTimeout(Duration.ofMillis(300)));
                assertThatThrownBy(() -> dumper.dump(c, new ByteArrayOutputStream()))
                        .isInstanceOf(LockNotAvailableException.class)
                        .hasMessageContaining("lock timeout (300 ms)")
                        .hasMessageContaining("table app.orders: AccessExclusiveLock held by server process " + holderPid)
                        .hasMessageContaining("application_name 'schema change'");
                holder.rollback();
                // the connection is usable and as it was: not left inside a transaction
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
    }
}
