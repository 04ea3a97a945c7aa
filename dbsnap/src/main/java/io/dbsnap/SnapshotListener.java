package io.dbsnap;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hears what happens to snapshots, after each operation's outcome is known: registered with
 * {@link SnapshotDirectory#notifying(SnapshotListener)} or {@link SnapshotRequest#notifying(SnapshotListener)}.
 * A listener is called on the thread of the operation. One that throws never fails the operation:
 * what it threw is logged (and reported where the caller asked, see {@link SnapshotEvents}), and the
 * operation's own result or exception stands.
 *
 * <pre>{@code
 * Snapshots.in(Path.of("snapshots"))
 *     .notifying(SnapshotListener.of(event -> log.info("{} {}", event.type(), event.name())))
 *     .create("nightly").withData().from(dataSource);
 * }</pre>
 */
public interface SnapshotListener {

    /** Any event, whatever its type: the methods below hand theirs here unless they are overridden. */
    default void event(SnapshotEvent event) {
    }

    /** A snapshot was written and is listed. */
    default void created(SnapshotEvent event) {
        event(event);
    }

    /** A snapshot was restored into a database (the transaction committed). */
    default void restored(SnapshotEvent event) {
        event(event);
    }

    /** An emergency rollback restored a snapshot into a database. */
    default void rolledBack(SnapshotEvent event) {
        event(event);
    }

    /** A cleanup deleted a snapshot. */
    default void deleted(SnapshotEvent event) {
        event(event);
    }

    /** A snapshot, restore, rollback or cleanup failed; {@link SnapshotEvent#error()} says why. */
    default void failed(SnapshotEvent event) {
        event(event);
    }

    /** A listener that hands every event, whatever its type, to {@code consumer}. */
    static SnapshotListener of(Consumer<SnapshotEvent> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return new SnapshotListener() {
            @Override
            public void event(SnapshotEvent event) {
                consumer.accept(event);
            }
        };
    }
}
