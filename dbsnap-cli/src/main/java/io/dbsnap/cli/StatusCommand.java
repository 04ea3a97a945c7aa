package io.dbsnap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.store.RetentionKind;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.store.StoreStatus;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap status}: the summary of the snapshot directory. No database is needed.
 *
 * <p>{@code --json} prints one object, format 1:
 * <pre>{@code
 * {"format": 1, "directory": "snapshots", "snapshots": 12, "damaged": 0, "total_bytes": 123456,
 *  "oldest": SNAPSHOT, "newest": SNAPSHOT,
 *  "newest_by_kind": {"manual": SNAPSHOT, "pre-migration": SNAPSHOT, "safety": SNAPSHOT, "nightly": SNAPSHOT},
 *  "newest_verified": true, "newest_problem": null, "latest": "20261202_031500_nightly"}
 * }</pre>
 * where SNAPSHOT is {@code {"name", "label", "kind", "created", "age_seconds", "size_bytes", "file"}}
 * or null when there is none (a kind without a snapshot is left out of {@code newest_by_kind}).
 */
@Command(name = "status", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Summarize the snapshot directory: count, size, oldest, newest, and whether the newest verifies.",
        description = "Summarize the snapshot directory: the number of snapshots and their total size, the oldest and the"
                + " newest, the newest of each kind (manual, pre-migration, safety, nightly), whether the newest verifies"
                + " (its file's size and SHA-256 against its metadata; the file is read once), and the snapshot 'latest'"
                + " names. Exit code 3 when the newest does not verify. No database is needed.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap status",
                "  dbsnap status --json | jq .newest_verified"})
final class StatusCommand implements Callable<Integer> {

    /** The version of the JSON shape above. */
    static final int JSON_FORMAT = 1;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private DbsnapCommand root;

    @Option(names = "--json", description = "Print the summary as one JSON object (format 1), for tools.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = root.context();
        StoreStatus status = root.snapshots().status();
        Instant now = context.clock().instant();
        context.out().print(json ? json(root.directory(), status, now) : text(root.directory(), status, now));
        return status.newest().isPresent() && !status.newestVerified() ? ExitCodes.DIFFERENCES : ExitCodes.OK;
    }

    static String text(Path directory, StoreStatus status, Instant now) {
        if (status.newest().isEmpty()) {
            return "No snapshots in " + directory + (status.damaged() > 0 ? " (" + status.damaged() + " damaged)" : "")
                    + ". Take one with: dbsnap snapshot LABEL\n";
        }
        StringBuilder text = new StringBuilder("Snapshots in ").append(directory).append('\n');
        line(text, "snapshots", status.snapshots().size() + (status.damaged() > 0
                ? " (and " + status.damaged() + " damaged: see dbsnap list)" : ""));
        line(text, "total size", Units.bytes(status.totalBytes()));
        line(text, "oldest", describe(status.oldest().orElseThrow(), now));
        line(text, "newest", describe(status.newest().orElseThrow(), now));
        for (RetentionKind kind : RetentionKind.values()) {
            line(text, "newest " + kind, Optional.ofNullable(status.newestByKind().get(kind))
                    .map(entry -> describe(entry, now)).orElse("none"));
        }
        line(text, "newest verified", status.newestVerified() ? "yes (size and SHA-256 match its metadata)"
                : "NO: " + status.newestCheck().orElse(""));
        line(text, "latest", status.latest().orElse("none"));
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(String.format("  %-22s %s%n", name + ":", value));
    }

    private static String describe(SnapshotInfo entry, Instant now) {
        return entry.name().baseName() + "  (" + MINUTES.format(entry.created()) + " UTC, " + Units.age(entry.age(now))
                + " ago, " + Units.bytes(entry.sizeBytes()) + ")";
    }

    static String json(Path directory, StoreStatus status, Instant now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", JSON_FORMAT);
        node.put("directory", directory.toString());
        node.put("snapshots", status.snapshots().size());
        node.put("damaged", status.damaged());
        node.put("total_bytes", status.totalBytes());
        node.set("oldest", status.oldest().map(e -> snapshot(e, now)).orElse(null));
        node.set("newest", status.newest().map(e -> snapshot(e, now)).orElse(null));
        ObjectNode byKind = node.putObject("newest_by_kind");
        for (RetentionKind kind : RetentionKind.values()) {
            SnapshotInfo entry = status.newestByKind().get(kind);
            if (entry != null) {
                byKind.set(kind.text(), snapshot(entry, now));
            }
        }
        node.put("newest_verified", status.newestVerified());
        node.put("newest_problem", status.newestCheck().orElse(null));
        node.put("latest", status.latest().orElse(null));
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A status could not be written as JSON", e);
        }
    }

    private static ObjectNode snapshot(SnapshotInfo entry, Instant now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", entry.name().baseName());
        node.put("label", entry.label());
        node.put("kind", StoreStatus.kindOf(entry).text());
        node.put("created", entry.created().toString());
        node.put("age_seconds", Math.max(0, entry.age(now).getSeconds()));
        node.put("size_bytes", entry.sizeBytes());
        node.put("file", entry.snapshot().map(StoredSnapshot::sqlFile).map(Path::toString).orElse(null));
        return node;
    }
}
