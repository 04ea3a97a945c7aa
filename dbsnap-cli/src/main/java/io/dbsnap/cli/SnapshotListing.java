package io.dbsnap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.store.BucketLocation;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The listing of {@code dbsnap list}: a table for people (index, label, created, age, size, type,
 * purpose; snapshots of the last 24 hours marked), or the same entries as a JSON array for tools.
 */
final class SnapshotListing {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SnapshotListing() {
    }

    static String table(Path directory, List<SnapshotInfo> entries, Instant now) {
        if (entries.isEmpty()) {
            return "No snapshots in " + shown(directory) + ". Take one with: dbsnap snapshot LABEL\n";
        }
        TextTable table = new TextTable("#", "Label", "Created (UTC)", "Age", "Size", "Type", "Purpose");
        boolean anyRecent = false;
        for (SnapshotInfo entry : entries) {
            boolean recent = entry.isRecent(now);
            anyRecent |= recent;
            table.add(entry.index() + (recent ? "*" : ""), entry.label(), MINUTES.format(entry.created()),
                    Units.age(entry.age(now)), entry.snapshot().isPresent() ? Units.bytes(entry.sizeBytes()) : "-",
                    entry.damaged() ? "DAMAGED" : entry.type(),
                    entry.damage().orElse(entry.purpose().orElse("")) + (entry.pinned() ? " (pinned)" : ""));
        }
        StringBuilder text = new StringBuilder("Snapshots in ").append(shown(directory)).append(" (newest first):\n\n");
        text.append(table.render());
        if (anyRecent) {
            text.append("\n* taken in the last 24 hours");
        }
        text.append(anyRecent ? ". " : "\n").append("Restore one with: dbsnap restore INDEX|LABEL\n");
        return text.toString();
    }

    /**
     * The entries as JSON, one object each, newest first:
     * {@code format, index, name, label, file, created, age_seconds, recent, size_bytes, size, type, purpose, pinned,
     * damaged} ({@code purpose} and {@code damaged} are null when there is none). The listing stays an array, as
     * scripts read it ({@code .[0].file}); each entry carries the format of the shapes instead.
     */
    static String json(List<SnapshotInfo> entries, Instant now) {
        ArrayNode array = JSON.createArrayNode();
        for (SnapshotInfo entry : entries) {
            ObjectNode node = array.addObject();
            node.put("format", JsonDocument.FORMAT);
            node.put("index", entry.index());
            node.put("name", entry.name().baseName());
            node.put("label", entry.label());
            node.put("file", entry.snapshot().map(StoredSnapshot::sqlFile).map(Path::toString).orElse(null));
            node.put("created", entry.created().toString());
            node.put("age_seconds", Math.max(0, entry.age(now).getSeconds()));
            node.put("recent", entry.isRecent(now));
            node.put("size_bytes", entry.sizeBytes());
            node.put("size", Units.bytes(entry.sizeBytes()));
            node.put("type", entry.damaged() ? null : entry.type());
            node.put("purpose", entry.purpose().orElse(null));
            node.put("pinned", entry.pinned());
            node.put("damaged", entry.damage().orElse(null));
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A listing could not be written as JSON", e);
        }
    }

    /**
     * A directory or file as people write it: in a bucket {@code s3://bucket/prefix/...}, not the
     * path's {@code s3:/...} (a {@link Path} folds the two slashes).
     */
    static String shown(Path path) {
        return BucketLocation.of(path).map(Object::toString).orElse(path.toString());
    }
}
