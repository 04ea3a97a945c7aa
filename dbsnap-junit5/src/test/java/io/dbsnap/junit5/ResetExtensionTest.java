package io.dbsnap.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension run by JUnit itself (the engine test kit) on sample test classes. */
class ResetExtensionTest {

    static TestDatabase shared;
    static final CountDownLatch SECOND_CLASS_DONE = new CountDownLatch(1);

    @BeforeAll
    static void database() throws Exception {
        shared = PostgresServer.shared().createDatabase("extension");
        shared.execute("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)");
    }

    @AfterAll
    static void dropDatabase() {
        shared.close();
    }

    @Test
    void twoClassesRunningInParallelOnOneDatabaseAreRefusedWithTheOthersName() {
        Events classes = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(ExtensionSamples.HoldsTheDatabase.class), selectClass(ExtensionSamples.WantsItToo.class))
                .execute().containerEvents();

        assertThat(classes.failed().count()).isEqualTo(1);
        Throwable refusal = classes.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(refusal).hasMessageContaining(ExtensionSamples.WantsItToo.class.getName())
                .hasMessageContaining(ExtensionSamples.HoldsTheDatabase.class.getName()).hasMessageContaining("need a database each");
    }

    @Test
    void eachTestOfAClassResetAfterEachTestStartsFromTheSnapshot() throws Exception {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ExtensionSamples.ChangesAndChecks.class))
                .execute().testEvents();
        results.assertStatistics(s -> s.succeeded(2).failed(0));
        try (Connection c = shared.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(id::text, ',') FROM t")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1");
        }
    }
}
