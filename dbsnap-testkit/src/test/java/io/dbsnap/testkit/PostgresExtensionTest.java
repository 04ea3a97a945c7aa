package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a sample test class through the JUnit engine and checks the database's life cycle. */
class PostgresExtensionTest {

    static final List<String> SEEN = new ArrayList<>();

    /** Not run on its own: Surefire skips nested classes; the engine below runs it. */
    @PostgresTest
    static class SampleUse {
        @BeforeAll
        static void setUp(TestDatabase db) throws SQLException {
            db.execute("CREATE TABLE shared_by_all_tests (id int)");
            SEEN.add(db.name());
        }

        @Test
        void first(TestDatabase db) throws SQLException {
            db.execute("INSERT INTO shared_by_all_tests VALUES (1)");
            SEEN.add(db.name());
        }

        @Test
        void second(TestDatabase db) throws SQLException {
            db.execute("INSERT INTO shared_by_all_tests VALUES (2)");
            SEEN.add(db.name());
        }
    }

    @Test
    void oneDatabasePerClassDroppedAfterItsLastTest() throws SQLException {
        SEEN.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SampleUse.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
        try (Connection c = PostgresServer.shared().connect("postgres");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            s.setString(1, SEEN.get(0));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("database of the finished class").isZero();
            }
        }
    }
}
