package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.testkit.ErrorInjection;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} in the middle of a fast reset (thrown in the client, the server real) rolls the
 * reset back: the database stays as the test left it, also after {@link FastReset#close()}, which
 * used to switch autocommit on over the half-done reset and so commit it.
 */
class ResetErrorTest {

    @TempDir
    Path dir;

    @Test
    void anErrorHalfwayThroughAResetIsRolledBackNotCommittedByClose() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_error")) {
            db.execute(ResetFixture.SCHEMA);
            AtomicBoolean armed = new AtomicBoolean();
            // the sequences are set back after the rows: an Error there comes after the rows were put back
            DataSource failing = ErrorInjection.wrap(db.dataSource(), "setval",
                    () -> armed.get() ? new OutOfMemoryError("Java heap space (injected by the test)") : null);
            FastReset reset = FastReset.capture(failing, dir.resolve("work"), false, true);
            db.execute(ResetFixture.DATA_CHANGES);
            String changed = PgDump.run(db, "--data-only", "--exclude-schema=dbsnap_reset");

            armed.set(true);
            assertThatThrownBy(reset::reset).isInstanceOf(OutOfMemoryError.class);
            armed.set(false);
            reset.close();

            assertThat(PgDump.run(db, "--data-only", "--exclude-schema=dbsnap_reset")).isEqualTo(changed);
        }
    }
}
