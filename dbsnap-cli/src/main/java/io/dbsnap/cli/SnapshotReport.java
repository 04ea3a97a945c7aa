package io.dbsnap.cli;

import io.dbsnap.Snapshot;
import io.dbsnap.store.BucketLocation;
import io.dbsnap.store.ObjectCounts;
import io.dbsnap.store.RestoreInstructions;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.TableFacts;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.time.format.DateTimeFormatter;

/**
 * What {@code dbsnap snapshot} prints: the report the seed workflows printed after pg_dump —
 * file, size, label, counts of tables, functions and policies, and how to restore it — from the
 * snapshot's metadata rather than from grepping the file.
 */
final class SnapshotReport {

    static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SnapshotReport() {
    }

    static String render(Snapshot snapshot, Path directory) {
        SnapshotMetadata metadata = snapshot.metadata();
        StringBuilder text = new StringBuilder();
        text.append("Snapshot created: ").append(SnapshotListing.shown(snapshot.file())).append("\n\n");
        text.append("File:      ").append(SnapshotListing.shown(snapshot.file())).append('\n');
        text.append("Size:      ").append(metadata.size()).append('\n');
        text.append("Label:     ").append(metadata.label()).append('\n');
        metadata.purpose().ifPresent(p -> text.append("Purpose:   ").append(p).append('\n'));
        text.append("Created:   ").append(UTC_SECONDS.format(metadata.created())).append('\n');
        text.append("Type:      ").append(metadata.type()).append(metadata.compressed() ? ", gzip" : "").append('\n');
        metadata.details().database().ifPresent(d -> text.append("Database:  ").append(d).append('\n'));
        text.append("\nContents:\n");
        metadata.objects().ifPresentOrElse(counts -> contents(text, counts, metadata.tables()),
                () -> text.append("  (no catalog was recorded)\n"));
        appendRestoreHints(text, metadata, directory);
        text.append("\nMetadata saved to:\n  ").append(SnapshotListing.shown(snapshot.stored().metadataFile())).append('\n');
        return text.toString();
    }

    private static void contents(StringBuilder text, ObjectCounts counts, List<TableFacts> tables) {
        text.append("  - ").append(plural(counts.tables(), "table")).append('\n');
        text.append("  - ").append(plural(counts.functions(), "function")).append('\n');
        text.append("  - ").append(plural(counts.policies(), "policy", "policies")).append('\n');
        if (!tables.isEmpty()) {
            long rows = tables.stream().mapToLong(TableFacts::rows).sum();
            text.append("  - ").append(plural(rows, "row")).append(" in ").append(plural(tables.size(), "table"))
                    .append('\n');
        }
        text.append("  (also ").append(plural(counts.views(), "view")).append(", ")
                .append(plural(counts.triggers(), "trigger")).append(", ")
                .append(plural(counts.sequences(), "sequence")).append(", ")
                .append(plural(counts.types(), "type")).append(", ")
                .append(plural(counts.indexes(), "index", "indexes")).append(")\n");
    }

    /** How to restore it with dbsnap (naming the directory unless it is the default) and with psql. */
    static void appendRestoreHints(StringBuilder text, SnapshotMetadata metadata, Path directory) {
        RestoreInstructions how = metadata.restoreInstructions();
        String dir = directory.equals(Environment.DEFAULT_DIRECTORY) ? "" : " --dir " + SnapshotListing.shown(directory);
        text.append("\nTo restore this snapshot:\n  ").append(how.dbsnap()).append(dir).append('\n');
        text.append("Or into an empty database with psql (in ").append(SnapshotListing.shown(directory))
                .append(BucketLocation.of(directory).isPresent() ? ", once the files are downloaded" : "")
                .append("):\n  ").append(how.psql()).append('\n');
    }

    static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    static String plural(long n, String one, String many) {
        return Units.count(n) + " " + (n == 1 ? one : many);
    }
}
