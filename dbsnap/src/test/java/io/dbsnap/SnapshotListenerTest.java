package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.SnapshotNotFoundException;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners hear each outcome once it is known, and one that throws fails nothing. */
class SnapshotListenerTest {

    @TempDir
    Path dir;

    @Test
    void aListenerThatThrowsFailsNoOperationAndTheNextListenerStillHearsIt() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("listener_throws")) {
            db.execute("CREATE TABLE t (id int)");
            List<SnapshotEvent> heard = new ArrayList<>();
            List<String> reported = new ArrayList<>();
            SnapshotListener throwing = SnapshotListener.of(event -> {
                throw new IllegalStateException("listener broke");
            });
            SnapshotEvents events = SnapshotEvents.none().with(throwing).with(SnapshotListener.of(heard::add))
                    .reportingTo(reported::add);
            SnapshotDirectory snapshots = Snapshots.in(dir).withEvents(events);

            Snapshot taken = snapshots.create("manual").from(db.dataSource());
            snapshots.get(taken.name()).restoreTo(db.dataSource(), RestoreOptions.defaults().withoutSafetySnapshot());
            snapshots.rollback(db.dataSource(), RestoreOptions.defaults().withoutSafetySnapshot());

            assertThat(Files.exists(taken.file())).isTrue();
            assertThat(heard).extracting(SnapshotEvent::type).containsExactly(SnapshotEvent.Type.CREATED,
                    SnapshotEvent.Type.RESTORED, SnapshotEvent.Type.ROLLED_BACK);
            assertThat(heard).allSatisfy(e -> assertThat(e.name()).isEqualTo(taken.name()));
            assertThat(heard.get(0).sizeBytes()).hasValue(Files.size(taken.file()));
            assertThat(reported).hasSize(3).allSatisfy(r -> assertThat(r).contains("listener broke"));
        }
    }

    @Test
    void failuresAreHeardWithWhatWentWrongAndStillThrown() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("listener_failure")) {
            List<SnapshotEvent> heard = new ArrayList<>();
            SnapshotDirectory snapshots = Snapshots.in(dir).notifying(SnapshotListener.of(heard::add));

            assertThatThrownBy(() -> snapshots.rollback(db.dataSource(), RestoreOptions.defaults()))
                    .isInstanceOf(SnapshotNotFoundException.class);

            assertThat(heard).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo(SnapshotEvent.Type.FAILED);
                assertThat(event.operation()).isEqualTo("rollback");
                assertThat(event.error()).isPresent();
                assertThat(event.database()).contains(db.user() + "@" + PostgresServer.shared().host() + ":"
                        + PostgresServer.shared().port() + "/" + db.name());
            });
            // a cleanup that deletes nothing tells nothing
            snapshots.cleanup(RetentionPolicy.standard()).apply();
            assertThat(heard).hasSize(1);
        }
    }
}
