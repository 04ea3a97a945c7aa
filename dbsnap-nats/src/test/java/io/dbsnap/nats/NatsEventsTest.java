package io.dbsnap.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.Snapshot;
import io.dbsnap.SnapshotDirectory;
import io.dbsnap.SnapshotEvents;
import io.dbsnap.Snapshots;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.store.RetentionPolicy;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Events published to a real nats-server (started by the testkit) and received by a jnats
 * subscriber: snapshot, restore, rollback, cleanup and failure, and a server that is down.
 */
class NatsEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static NatsServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void snapshotRestoreRollbackAndCleanupArePublishedWithTheDocumentedJson() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("nats_events");
             Connection subscriber = Nats.connect(server.url());
             NatsPublisher publisher = NatsPublisher.to(server.url())) {
            db.execute("CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items VALUES (1, 'a'), (2, 'b')");
            Subscription events = subscriber.subscribe(NatsPublisher.DEFAULT_SUBJECT);
            subscriber.flush(WAIT);
            String database = db.user() + "@" + PostgresServer.shared().host() + ":" + PostgresServer.shared().port()
                    + "/" + db.name();
            SnapshotDirectory snapshots = Snapshots.in(dir).notifying(publisher);

            Snapshot taken = snapshots.create("nightly").withData().from(db.dataSource());
            JsonNode created = next(events);
            assertThat(created.get("format").asInt()).isEqualTo(1);
            assertThat(created.get("event").asText()).isEqualTo("snapshot.created");
            assertThat(created.get("operation").asText()).isEqualTo("snapshot");
            assertThat(created.get("snapshot").asText()).isEqualTo(taken.name());
            assertThat(created.get("path").asText()).isEqualTo(taken.file().toString());
            // size and checksum of the file as it lies on disk, computed here
            assertThat(created.get("size_bytes").asLong()).isEqualTo(Files.size(taken.file()));
            assertThat(created.get("sha256").asText()).isEqualTo(sha256(taken.file()));
            assertThat(created.get("database").asText()).isEqualTo(database);
            assertThat(created.get("duration_ms").asLong()).isNotNegative();
            assertThat(created.get("error").isNull()).isTrue();

            db.execute("DELETE FROM items");
            snapshots.get(taken.name()).restoreTo(db.dataSource());
            JsonNode restored = next(events);
            assertThat(restored.get("event").asText()).isEqualTo("snapshot.restored");
            assertThat(restored.get("operation").asText()).isEqualTo("restore");
            assertThat(restored.get("snapshot").asText()).isEqualTo(taken.name());
            assertThat(restored.get("sha256").asText()).isEqualTo(sha256(taken.file()));
            assertThat(restored.get("database").asText()).isEqualTo(database);

            snapshots.rollback(db.dataSource(), RestoreOptions.defaults().withoutSafetySnapshot());
            JsonNode rolledBack = next(events);
            assertThat(rolledBack.get("event").asText()).isEqualTo("snapshot.rolled_back");
            assertThat(rolledBack.get("operation").asText()).isEqualTo("rollback");
            // after a restore, a rollback restores the snapshot the restore restored
            assertThat(rolledBack.get("snapshot").asText()).isEqualTo(taken.name());
            assertThat(rolledBack.get("database").asText()).isEqualTo(database);

            // the newest (the safety snapshot) stays; the minimum age is overridden by name
            snapshots.cleanup(RetentionPolicy.keepLast(1).ignoringMinimumAge()).apply();
            JsonNode deleted = next(events);
            assertThat(deleted.get("event").asText()).isEqualTo("snapshot.deleted");
            assertThat(deleted.get("operation").asText()).isEqualTo("cleanup");
            assertThat(deleted.get("snapshot").asText()).isEqualTo(taken.name());
            assertThat(deleted.get("path").asText()).isEqualTo(taken.file().toString());
            assertThat(Files.exists(taken.file())).isFalse();
            assertThat(events.nextMessage(Duration.ofMillis(200))).as("no other event").isNull();

            String all = created.toString() + restored + rolledBack + deleted;
            assertThat(all).doesNotContain(db.password());
        }
    }

    @Test
    void aFailedSnapshotIsPublishedOnTheConfiguredSubject() throws Exception {
        try (Connection subscriber = Nats.connect(server.url());
             NatsPublisher publisher = NatsPublisher.to(server.url()).subject("ops.backups.events")) {
            Subscription events = subscriber.subscribe("ops.backups.events");
            subscriber.flush(WAIT);
            PGSimpleDataSource missing = new PGSimpleDataSource();
            missing.setURL("jdbc:postgresql://" + PostgresServer.shared().host() + ":" + PostgresServer.shared().port()
                    + "/no_such_database_here");
            missing.setUser(PostgresServer.shared().user());
            missing.setPassword(PostgresServer.shared().password());

            assertThatThrownBy(() -> Snapshots.in(dir).notifying(publisher).create("nightly").from(missing))
                    .isInstanceOf(DbSnapException.class);

            JsonNode failed = next(events);
            assertThat(failed.get("event").asText()).isEqualTo("snapshot.failed");
            assertThat(failed.get("operation").asText()).isEqualTo("snapshot");
            assertThat(failed.get("snapshot").asText()).isEqualTo("nightly");
            assertThat(failed.get("error").asText()).contains("no_such_database_here");
            assertThat(failed.get("path").isNull()).isTrue();
        }
    }

    @Test
    void withTheServerDownTheSnapshotSucceedsAndTheFailedPublishIsReported() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("nats_down");
             NatsPublisher publisher = NatsPublisher.to(NatsServer.unreachableUrl())) {
            db.execute("CREATE TABLE items (id int)");
            List<String> reported = new ArrayList<>();
            SnapshotEvents events = SnapshotEvents.none().with(publisher).reportingTo(reported::add);

            Snapshot taken = Snapshots.in(dir).withEvents(events).create("nightly").from(db.dataSource());

            assertThat(Files.exists(taken.file())).isTrue();
            assertThat(Snapshots.in(dir).list()).hasSize(1);
            assertThat(reported).singleElement().asString()
                    .contains("snapshot.created", taken.name(), publisher.server(), "the snapshot itself is not affected");
        }
    }

    @Test
    void aUrlThatIsNotNatsIsRefusedWithWhatToGive() {
        assertThatThrownBy(() -> NatsPublisher.to("http://user:secret@host:4222"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nats://nats.internal:4222")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> NatsPublisher.to("nats://host:4222").subject("backup.*"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode next(Subscription events) throws Exception {
        Message message = events.nextMessage(WAIT);
        assertThat(message).as("an event within " + WAIT).isNotNull();
        return JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
