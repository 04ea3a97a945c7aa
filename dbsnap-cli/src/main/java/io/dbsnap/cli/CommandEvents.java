package io.dbsnap.cli;

import io.dbsnap.SnapshotEvent;
import io.dbsnap.SnapshotEvents;
import io.dbsnap.nats.NatsPublisher;
import java.time.Duration;
import java.util.Optional;

/**
 * The events of one run of the command: published to NATS when {@code --notify} or
 * {@code $DBSNAP_NATS_URL} names a server, with a failed publish reported on stderr (it never
 * changes the exit code).
 */
final class CommandEvents implements AutoCloseable {

    static final String URL_VARIABLE = NatsPublisher.URL_VARIABLE;
    static final String SUBJECT_VARIABLE = "DBSNAP_NATS_SUBJECT";

    private final SnapshotEvents events;
    private final Optional<NatsPublisher> publisher;

    private CommandEvents(SnapshotEvents events, Optional<NatsPublisher> publisher) {
        this.events = events;
        this.publisher = publisher;
    }

    static CommandEvents of(CliContext context, String urlOption, String subjectOption) {
        String url = present(urlOption) ? urlOption : context.environment().variables().get(URL_VARIABLE);
        if (!present(url)) {
            return new CommandEvents(SnapshotEvents.none(), Optional.empty());
        }
        String from = present(urlOption) ? "--notify" : "$" + URL_VARIABLE;
        NatsPublisher publisher;
        try {
            publisher = NatsPublisher.to(url);
            String subject = present(subjectOption) ? subjectOption : context.environment().variables().get(SUBJECT_VARIABLE);
            if (present(subject)) {
                publisher = publisher.subject(subject);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(from + ": " + e.getMessage());
        }
        SnapshotEvents events = SnapshotEvents.none().with(publisher)
                .reportingTo(problem -> context.err().println("Warning: " + problem));
        return new CommandEvents(events, Optional.of(publisher));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    SnapshotEvents events() {
        return events;
    }

    void tell(SnapshotEvent event) {
        events.tell(event);
    }

    /** A failure of {@code operation}; refusals of usage (a missing --yes) are no failure of the operation. */
    void failed(String operation, String name, Optional<String> database, long startedNanos, Throwable error) {
        if (!(error instanceof UsageException)) {
            events.tell(SnapshotEvents.failure(operation, name, Optional.empty(), database,
                    Duration.ofNanos(System.nanoTime() - startedNanos), error));
        }
    }

    @Override
    public void close() {
        publisher.ifPresent(NatsPublisher::close);
    }
}
