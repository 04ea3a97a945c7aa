package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RestoreResult#statements()} counts what was sent to the server: a script's own
 * transaction control, the lock timeout the restorer keeps for itself and pg_dump's
 * {@code \restrict} lines are skipped, so they are not counted. The expected counts are the
 * scripts' statements, counted by hand.
 */
class RestorerStatementCountTest {

    @Test
    void beginCommitLockTimeoutsAndMetaCommandsAreNotStatements(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("restore_count")) {
            Path script = Files.writeString(dir.resolve("wrapped.sql"), """
                    \\restrict abc123
                    BEGIN;
                    SET lock_timeout = 0;
                    CREATE TABLE public.t (id int);
                    COPY public.t (id) FROM stdin;
                    1
                    2
                    \\.
                    INSERT INTO public.t VALUES (3);
                    COMMIT;
                    \\unrestrict abc123
                    """);
            try (Connection c = db.connect()) {
                RestoreResult result = new Restorer().restore(c, script);

                // CREATE TABLE, COPY, INSERT
                assertThat(result.statements()).isEqualTo(3);
                assertThat(result.rows()).isEqualTo(2);
            }
        }
    }

    @Test
    void aStartTransactionAndEndAreNotStatementsEither(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("restore_count_start")) {
            Path script = Files.writeString(dir.resolve("start.sql"),
                    "START TRANSACTION;\nCREATE TABLE public.u (id int);\nEND;\n");
            try (Connection c = db.connect()) {
                assertThat(new Restorer().restore(c, script).statements()).isEqualTo(1);
            }
        }
    }
}
