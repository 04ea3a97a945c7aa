package io.dbsnap.nats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.SnapshotEvent;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The JSON of one event, as published. Format version 1:
 * <pre>{@code
 * {"format": 1,
 *  "event": "snapshot.created",        // .restored, .rolled_back, .deleted, .failed
 *  "operation": "snapshot",            // restore, rollback, cleanup
 *  "snapshot": "20261202_031500_nightly",
 *  "path": "/srv/snapshots/20261202_031500_nightly.sql.gz",   // null when no file was written
 *  "size_bytes": 1234567,              // null when not known
 *  "sha256": "9f86d0...",              // null when not known
 *  "database": "app@db.example.com:5432/app",                 // never a password; null when not known
 *  "duration_ms": 5321,
 *  "time": "2026-12-02T03:15:05Z",
 *  "error": null}                      // for snapshot.failed: what went wrong
 * }</pre>
 * A later format adds fields and raises {@code format} only when a field changes meaning.
 */
public final class EventJson {

    /** The version of the shape above. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    public static String of(SnapshotEvent event) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.put("event", event.type().wireName());
        json.put("operation", event.operation());
        json.put("snapshot", event.name());
        json.put("path", event.location().orElse(null));
        if (event.sizeBytes().isPresent()) {
            json.put("size_bytes", event.sizeBytes().getAsLong());
        } else {
            json.putNull("size_bytes");
        }
        json.put("sha256", event.sha256().orElse(null));
        json.put("database", event.database().orElse(null));
        json.put("duration_ms", event.duration().toMillis());
        json.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.MILLIS)));
        json.put("error", event.error().orElse(null));
        return json.toString();
    }
}
