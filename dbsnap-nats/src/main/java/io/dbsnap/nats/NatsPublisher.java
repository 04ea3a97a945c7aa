package io.dbsnap.nats;

import io.dbsnap.SnapshotEvent;
import io.dbsnap.SnapshotListener;
import io.dbsnap.errors.DbSnapException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every snapshot event to a NATS subject as JSON ({@link EventJson}, format 1), by
 * default to {@value #DEFAULT_SUBJECT}:
 * <pre>{@code
 * try (NatsPublisher nats = NatsPublisher.to("nats://nats.internal:4222")) {
 *     Snapshots.in(Path.of("snapshots")).notifying(nats).create("nightly").withData().from(dataSource);
 * }
 * }</pre>
 * It connects on the first event and keeps the connection until {@link #close()}. Each publish is
 * flushed (the server has it) before the operation goes on. A publish that fails (no server, a
 * timeout) throws {@link DbSnapException}, which the operation's {@link io.dbsnap.SnapshotEvents}
 * logs and reports: it never fails the snapshot, restore or cleanup.
 */
public final class NatsPublisher implements SnapshotListener, AutoCloseable {

    /** The subject events go to unless {@link #subject(String)} says otherwise. */
    public static final String DEFAULT_SUBJECT = "backup.database.completed.v1";
    /** The environment variable the command line reads the server's URL from. */
    public static final String URL_VARIABLE = "DBSNAP_NATS_URL";

    private static final Logger LOG = LoggerFactory.getLogger(NatsPublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String url;
    private final String subject;
    private Connection connection;

    private NatsPublisher(String url, String subject) {
        this.url = url;
        this.subject = subject;
    }

    /**
     * A publisher to the server at {@code url}, such as {@code nats://nats.internal:4222}.
     *
     * @throws IllegalArgumentException when the URL is not a {@code nats://} (or {@code tls://}) URL with a host
     */
    public static NatsPublisher to(String url) {
        Objects.requireNonNull(url, "url");
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null || !("nats".equals(uri.getScheme()) || "tls".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "not nats://host:port");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a NATS server URL: '" + withoutCredentials(url)
                    + "'. Give one such as nats://nats.internal:4222.", e);
        }
        return new NatsPublisher(url.trim(), DEFAULT_SUBJECT);
    }

    /**
     * The same publisher to {@code subject} instead.
     *
     * @throws IllegalArgumentException when the subject is blank or holds spaces or wildcards
     */
    public NatsPublisher subject(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.matches(".*[\\s*>].*")) {
            throw new IllegalArgumentException("Not a NATS subject to publish to: '" + subject
                    + "'. Use dot-separated tokens without spaces or wildcards, such as " + DEFAULT_SUBJECT + ".");
        }
        return new NatsPublisher(url, subject);
    }

    public String subjectName() {
        return subject;
    }

    /** The server's URL without user or password, for messages. */
    public String server() {
        return withoutCredentials(url);
    }

    /** Every type of event is published, to the same subject. */
    @Override
    public void event(SnapshotEvent event) {
        publish(event);
    }

    /**
     * Publishes {@code event} and waits until the server has it.
     *
     * @throws DbSnapException when the server cannot be reached or does not answer in time
     */
    public synchronized void publish(SnapshotEvent event) {
        String json = EventJson.of(event);
        try {
            Connection nats = connection();
            nats.publish(subject, json.getBytes(StandardCharsets.UTF_8));
            nats.flush(TIMEOUT);
            LOG.debug("Published {} of {} to {} on {}", event.type().wireName(), event.name(), subject, server());
        } catch (IOException | TimeoutException e) {
            closeQuietly();
            throw new DbSnapException("Could not publish " + event.type().wireName() + " of " + event.name() + " to NATS at "
                    + server() + " (subject " + subject + "): " + e.getMessage() + ". Check that the server runs and is"
                    + " reachable (--notify, " + URL_VARIABLE + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new DbSnapException("Interrupted while publishing " + event.type().wireName() + " to NATS at " + server(), e);
        }
    }

    private Connection connection() throws IOException, InterruptedException {
        if (connection == null) {
            Options options = new Options.Builder().server(url).connectionTimeout(TIMEOUT).noReconnect()
                    .connectionName("dbsnap")
                    // the failure is thrown and reported once, by SnapshotEvents; not logged again by the client
                    .errorListener(new ErrorListener() { })
                    .build();
            connection = Nats.connect(options);
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection = null;
        }
    }

    private static String withoutCredentials(String url) {
        return url == null ? "null" : url.replaceFirst("^([a-z]+://)[^@/]*@", "$1");
    }
}
