package io.dbsnap.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test classes that {@link ResetExtensionTest} runs through JUnit's engine test kit; in a file
 * whose name Surefire does not pick up, since they only make sense run from there.
 */
final class ExtensionSamples {

    private ExtensionSamples() {
    }

    /** Holds the database until the other class has tried to take it. */
    @DbSnapshot
    static class HoldsTheDatabase {
        @SnapshotDatabase
        static DataSource database() {
            return ResetExtensionTest.shared.dataSource();
        }

        @Test
        void waits() throws InterruptedException {
            assertThat(ResetExtensionTest.SECOND_CLASS_DONE.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @ExtendWith(SignalDone.class)
    @DbSnapshot
    static class WantsItToo {
        @SnapshotDatabase
        static DataSource database() {
            return ResetExtensionTest.shared.dataSource();
        }

        @Test
        void neverRuns() {
        }
    }

    /** Registered before @DbSnapshot, so its afterAll runs last, also when the class's setup failed. */
    static class SignalDone implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            ResetExtensionTest.SECOND_CLASS_DONE.countDown();
        }
    }

    @DbSnapshot(reset = ResetMode.AFTER_EACH_TEST, verify = true)
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class ChangesAndChecks {
        @SnapshotDatabase
        static TestDatabase database = ResetExtensionTest.shared;

        @Test
        void a(DataSource db) throws Exception {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (2); CREATE TABLE u (x int)");
            }
        }

        @Test
        void b(DataSource db) throws Exception {
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), to_regclass('u') FROM t")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isNull();
            }
        }
    }
}
