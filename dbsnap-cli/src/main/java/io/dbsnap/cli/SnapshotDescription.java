package io.dbsnap.cli;

import io.dbsnap.store.ObjectCounts;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.TableFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What {@code dbsnap show} prints: a snapshot's metadata and object counts, or what little a plain file tells. */
final class SnapshotDescription {

    private SnapshotDescription() {
    }

    static String of(SnapshotReference.Stored stored, Instant now) {
        SnapshotMetadata m = stored.snapshot().metadata();
        Path file = stored.snapshot().file();
        StringBuilder text = new StringBuilder("Snapshot ").append(stored.snapshot().name()).append("\n\n");
        field(text, "File", SnapshotListing.shown(file) + " (" + m.size() + ")");
        field(text, "Label", m.label());
        m.purpose().ifPresent(p -> field(text, "Purpose", p));
        m.details().notes().ifPresent(n -> field(text, "Notes", n));
        field(text, "Created", SnapshotReport.UTC_SECONDS.format(m.created()) + " (" + ago(Duration.between(m.created(), now)) + ")");
        field(text, "Type", m.type() + (m.compressed() ? ", gzip" : ""));
        m.details().database().ifPresent(d -> field(text, "Database", d));
        field(text, "Server", "PostgreSQL " + m.serverVersion());
        field(text, "Written by", "dbsnap " + m.dbsnapVersion());
        field(text, "SHA-256", m.sha256());
        m.schemaFingerprint().ifPresent(f -> field(text, "Schema fingerprint", f));
        field(text, "Pinned", m.details().keep() ? "yes (retention never deletes it)" : "no");
        m.scope().ifPresent(scope -> field(text, "Scope", scope(scope)));
        m.objects().ifPresentOrElse(counts -> objects(text, counts), () -> text.append("\nObjects: no catalog was recorded\n"));
        if (!m.tables().isEmpty()) {
            rows(text, m.tables());
        }
        SnapshotReport.appendRestoreHints(text, m, stored.directory().path());
        return text.toString();
    }

    static String of(SnapshotReference.PlainFile plain) throws java.io.IOException {
        Path file = plain.file();
        return "File " + file + " (" + Units.bytes(Files.size(file)) + ")\n\n"
                + "A plain SQL file without dbsnap's metadata (written by pg_dump or by hand): no label, checksum or\n"
                + "object counts are known. dbsnap restore runs it in one transaction, without a checksum check.\n";
    }

    private static String ago(Duration age) {
        String text = Units.age(age);
        return text.equals("just now") ? text : text + " ago";
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(String.format("  %-19s %s%n", name + ":", value));
    }

    private static String scope(SnapshotScope scope) {
        return "schemas " + listOr(scope.schemas(), "all") + "; tables " + listOr(scope.tables(), "all")
                + (scope.excludeTables().isEmpty() ? "" : "; excluding " + String.join(", ", scope.excludeTables()));
    }

    private static String listOr(List<String> items, String none) {
        return items.isEmpty() ? none : String.join(", ", items);
    }

    private static void objects(StringBuilder text, ObjectCounts c) {
        text.append("\nObjects:\n");
        TextTable table = new TextTable("Kind", "Count");
        table.add("tables", Units.count(c.tables()));
        table.add("views", Units.count(c.views()));
        table.add("functions", Units.count(c.functions()));
        table.add("triggers", Units.count(c.triggers()));
        table.add("policies", Units.count(c.policies()));
        table.add("sequences", Units.count(c.sequences()));
        table.add("types", Units.count(c.types()));
        table.add("indexes", Units.count(c.indexes()));
        text.append(table.render().indent(2));
    }

    private static void rows(StringBuilder text, List<TableFacts> tables) {
        text.append("\nRows:\n");
        TextTable table = new TextTable("Table", "Rows");
        long total = 0;
        for (TableFacts t : tables) {
            table.add(t.table(), Units.count(t.rows()));
            total += t.rows();
        }
        text.append(table.render().indent(2));
        text.append("  ").append(SnapshotReport.plural(total, "row")).append(" in ")
                .append(SnapshotReport.plural(tables.size(), "table")).append('\n');
    }
}
