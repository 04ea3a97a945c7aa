package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.testkit.NatsServer;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --notify and DBSNAP_NATS_URL: the command's events received from a real nats-server with jnats. */
class CliEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void snapshotRestoreRollbackCleanupAndFailureArePublished() throws Exception {
        try (NatsServer nats = NatsServer.start();
             TestDatabase db = PostgresServer.shared().createDatabase("cli_events");
             Connection subscriber = Nats.connect(nats.url())) {
            db.execute("CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
            Subscription events = subscriber.subscribe("backup.database.completed.v1");
            subscriber.flush(WAIT);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            String database = db.user() + "@" + PostgresServer.shared().host() + ":" + PostgresServer.shared().port()
                    + "/" + db.name();

            CliRunner.Run snapshot = cli.run("snapshot", "nightly", "--data", "--notify", nats.url());
            assertThat(snapshot.exitCode()).as(snapshot.all()).isZero();
            JsonNode created = next(events);
            assertThat(created.get("event").asText()).isEqualTo("snapshot.created");
            Path file = sqlFiles().findFirst().orElseThrow();
            assertThat(created.get("path").asText()).isEqualTo(file.toString());
            assertThat(created.get("size_bytes").asLong()).isEqualTo(Files.size(file));
            assertThat(created.get("database").asText()).isEqualTo(database);

            cli.env("DBSNAP_NATS_URL", nats.url());
            CliRunner.Run restore = cli.run("restore", "nightly", "--yes");
            assertThat(restore.exitCode()).as(restore.all()).isZero();
            JsonNode restored = next(events);
            assertThat(restored.get("event").asText()).isEqualTo("snapshot.restored");
            assertThat(restored.get("snapshot").asText()).isEqualTo(created.get("snapshot").asText());
            assertThat(restored.get("sha256").asText()).isEqualTo(created.get("sha256").asText());
            assertThat(restored.get("database").asText()).isEqualTo(database);

            CliRunner.Run rollback = cli.run("rollback", "--emergency", "--no-safety-snapshot");
            assertThat(rollback.exitCode()).as(rollback.all()).isZero();
            JsonNode rolledBack = next(events);
            assertThat(rolledBack.get("event").asText()).isEqualTo("snapshot.rolled_back");
            assertThat(rolledBack.get("snapshot").asText()).isEqualTo(created.get("snapshot").asText());

            CliRunner.Run cleanup = cli.run("cleanup", "--keep-last", "1", "--count-safety-snapshots",
                    "--ignore-minimum-age", "--yes");
            assertThat(cleanup.exitCode()).as(cleanup.all()).isZero();
            JsonNode deleted = next(events);
            assertThat(deleted.get("event").asText()).isEqualTo("snapshot.deleted");
            assertThat(deleted.get("snapshot").asText()).isEqualTo(created.get("snapshot").asText());
            assertThat(deleted.get("database").asText()).isEqualTo(database);

            CliRunner.Run failing = cli.run("snapshot", "nightly", "--url",
                    CliRunner.url(db).replace("/" + db.name(), "/no_such_db_events"));
            assertThat(failing.exitCode()).isEqualTo(ExitCodes.FAILED);
            JsonNode failed = next(events);
            assertThat(failed.get("event").asText()).isEqualTo("snapshot.failed");
            assertThat(failed.get("error").asText()).contains("no_such_db_events");
        }
    }

    @Test
    void withTheServerDownTheSnapshotSucceedsAndStderrSaysThePublishFailed() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_events_down")) {
            db.execute("CREATE TABLE t (id int)");
            String down = NatsServer.unreachableUrl();
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString()).env("DBSNAP_NATS_URL", down);

            CliRunner.Run snapshot = cli.run("snapshot", "nightly");

            assertThat(snapshot.exitCode()).as(snapshot.all()).isZero();
            assertThat(sqlFiles()).hasSize(1);
            assertThat(snapshot.err()).contains("Warning: Could not report snapshot.created").contains(down)
                    .contains("the snapshot itself is not affected");
        }
    }

    @Test
    void aNotifyUrlThatIsNotNatsIsAUsageError() {
        CliRunner.Run run = new CliRunner().env("DBSNAP_DIR", dir.toString())
                .run("snapshot", "x", "--url", "postgresql://u@127.0.0.1:1/db", "--notify", "http://example.com");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--notify").contains("nats://");
    }

    private Stream<Path> sqlFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".sql")).toList().stream();
        }
    }

    private static JsonNode next(Subscription events) throws Exception {
        Message message = events.nextMessage(WAIT);
        assertThat(message).as("an event within " + WAIT).isNotNull();
        return new ObjectMapper().readTree(new String(message.getData(), StandardCharsets.UTF_8));
    }
}
