package io.dbsnap;

import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.StoredSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners an operation tells its outcome to, and where a listener's failure is reported.
 * Immutable. A listener that throws is logged (and reported to {@link #reportingTo}'s consumer,
 * such as the command line's stderr); the next listener is still called and the operation's
 * outcome stands.
 */
public final class SnapshotEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotEvents.class);
    private static final SnapshotEvents NONE = new SnapshotEvents(List.of(), problem -> { });

    private final List<SnapshotListener> listeners;
    private final Consumer<String> problems;

    private SnapshotEvents(List<SnapshotListener> listeners, Consumer<String> problems) {
        this.listeners = List.copyOf(listeners);
        this.problems = problems;
    }

    /** No listener. */
    public static SnapshotEvents none() {
        return NONE;
    }

    /** These events and {@code listener} too. */
    public SnapshotEvents with(SnapshotListener listener) {
        List<SnapshotListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new SnapshotEvents(more, problems);
    }

    /** Reports a listener's failure to {@code consumer} too (it is always logged), as one line for people. */
    public SnapshotEvents reportingTo(Consumer<String> consumer) {
        return new SnapshotEvents(listeners, Objects.requireNonNull(consumer, "consumer"));
    }

    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Tells every listener, each in turn; none of them can make this throw. */
    public void tell(SnapshotEvent event) {
        for (SnapshotListener listener : listeners) {
            try {
                switch (event.type()) {
                    case CREATED -> listener.created(event);
                    case RESTORED -> listener.restored(event);
                    case ROLLED_BACK -> listener.rolledBack(event);
                    case DELETED -> listener.deleted(event);
                    case FAILED -> listener.failed(event);
                    default -> throw new IllegalStateException("Unknown event type " + event.type());
                }
            } catch (RuntimeException e) {
                String problem = "Could not report " + event.type().wireName() + " of " + event.name() + ": " + e.getMessage()
                        + " (the " + event.operation() + " itself is not affected)";
                LOG.warn(problem, e);
                try {
                    problems.accept(problem);
                } catch (RuntimeException ignored) {
                    LOG.debug("The reporter of listener failures failed too", ignored);
                }
            }
        }
    }

    /** An event about a stored snapshot, with its size and checksum from {@code metadata} when known. */
    public static SnapshotEvent about(SnapshotEvent.Type type, String operation, StoredSnapshot snapshot,
                                      Optional<SnapshotMetadata> metadata, Optional<String> database,
                                      Duration duration) {
        return new SnapshotEvent(type, operation, snapshot.name().baseName(), Optional.of(snapshot.sqlFile().toString()),
                metadata.map(m -> OptionalLong.of(m.sizeBytes())).orElse(OptionalLong.empty()),
                metadata.map(SnapshotMetadata::sha256), database, duration, Instant.now(), Optional.empty());
    }

    /** A failure of {@code operation} on {@code name}, with what {@code error} said. */
    public static SnapshotEvent failure(String operation, String name, Optional<String> location,
                                        Optional<String> database, Duration duration, Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new SnapshotEvent(SnapshotEvent.Type.FAILED, operation, name, location, OptionalLong.empty(),
                Optional.empty(), database, duration, Instant.now(), Optional.of(message));
    }
}
