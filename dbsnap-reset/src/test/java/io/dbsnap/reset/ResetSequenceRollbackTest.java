package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.testkit.ErrorInjection;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reset that fails after it has set the sequences back leaves them where the test left them,
 * like the rows: {@code setval} is not transactional, so a failure (or a kill -9, as the fault
 * suite found) between it and the commit used to leave the sequences put back and the rows not.
 */
class ResetSequenceRollbackTest {

    @TempDir
    Path dir;

    @Test
    void aFailureAfterTheSequencesWereSetBackLeavesThemAsTheTestLeftThem() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_sequence_rollback")) {
            db.execute(ResetFixture.SCHEMA);
            AtomicBoolean armed = new AtomicBoolean();
            AtomicInteger counterReads = new AtomicInteger();
            // the change counters are read at the start of the reset and again after the sequences were set back
            DataSource failing = ErrorInjection.wrap(db.dataSource(), "pg_sequence_last_value(c.oid)",
                    () -> armed.get() && counterReads.incrementAndGet() == 2
                            ? new AssertionError("a failure after setval (injected by the test)") : null);
            FastReset reset = FastReset.capture(failing, dir.resolve("work"), false, true);
            db.execute(ResetFixture.DATA_CHANGES);
            String changed = PgDump.run(db, "--data-only", "--exclude-schema=dbsnap_reset");
            assertThat(changed).as("the test moved a sequence").contains("setval('app.tickets'");

            armed.set(true);
            assertThatThrownBy(reset::reset).isInstanceOf(AssertionError.class);
            armed.set(false);

            assertThat(PgDump.run(db, "--data-only", "--exclude-schema=dbsnap_reset")).isEqualTo(changed);
            reset.close();
        }
    }
}
