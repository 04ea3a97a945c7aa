package io.dbsnap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.store.ObjectCounts;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.TableFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code dbsnap show --json} prints: a snapshot's metadata, or what little a plain SQL file tells. */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static String of(SnapshotReference.Stored stored) {
        SnapshotMetadata m = stored.snapshot().metadata();
        ObjectNode node = JsonDocument.of("show");
        node.put("plain_file", false);
        node.put("name", stored.snapshot().name());
        node.put("file", stored.snapshot().file().toString());
        node.put("metadata_file", stored.snapshot().stored().metadataFile().toString());
        node.put("label", m.label());
        node.put("purpose", m.purpose().orElse(null));
        node.put("notes", m.details().notes().orElse(null));
        node.put("kind", m.kind().fileValue());
        node.put("created", m.created().toString());
        node.put("type", m.type());
        node.put("compressed", m.compressed());
        node.put("size_bytes", m.sizeBytes());
        node.put("sha256", m.sha256());
        node.put("database", m.details().database().orElse(null));
        node.put("server_version", m.serverVersion());
        node.put("dbsnap_version", m.dbsnapVersion());
        node.put("schema_fingerprint", m.schemaFingerprint().orElse(null));
        node.put("pinned", m.details().keep());
        node.put("owners", m.access().owners());
        node.put("privileges", m.access().privileges());
        if (m.scope().isPresent()) {
            SnapshotScope scope = m.scope().get();
            ObjectNode s = node.putObject("scope");
            s.set("schemas", JsonDocument.strings(scope.schemas()));
            s.set("tables", JsonDocument.strings(scope.tables()));
            s.set("exclude_tables", JsonDocument.strings(scope.excludeTables()));
        } else {
            node.putNull("scope");
        }
        if (m.objects().isPresent()) {
            ObjectCounts c = m.objects().get();
            ObjectNode o = node.putObject("objects");
            o.put("tables", c.tables());
            o.put("views", c.views());
            o.put("functions", c.functions());
            o.put("triggers", c.triggers());
            o.put("policies", c.policies());
            o.put("sequences", c.sequences());
            o.put("types", c.types());
            o.put("indexes", c.indexes());
        } else {
            node.putNull("objects");
        }
        var tables = node.putArray("tables");
        long rows = 0;
        for (TableFacts t : m.tables()) {
            ObjectNode table = tables.addObject();
            table.put("table", t.table());
            table.put("rows", t.rows());
            table.put("sha256", t.sha256());
            rows += t.rows();
        }
        node.put("rows", rows);
        ObjectNode restore = node.putObject("restore");
        restore.put("dbsnap", m.restoreInstructions().dbsnap());
        restore.put("psql", m.restoreInstructions().psql());
        return JsonDocument.render(node);
    }

    /** A plain SQL file: its path and size; every metadata key null, as the shape has them. */
    static String of(SnapshotReference.PlainFile plain) throws IOException {
        Path file = plain.file();
        ObjectNode node = JsonDocument.of("show");
        node.put("plain_file", true);
        node.putNull("name");
        node.put("file", file.toString());
        for (String key : new String[] {"metadata_file", "label", "purpose", "notes", "kind", "created", "type"}) {
            node.putNull(key);
        }
        node.put("compressed", file.getFileName().toString().endsWith(".gz"));
        node.put("size_bytes", Files.size(file));
        for (String key : new String[] {"sha256", "database", "server_version", "dbsnap_version", "schema_fingerprint"}) {
            node.putNull(key);
        }
        node.put("pinned", false);
        for (String key : new String[] {"owners", "privileges", "scope", "objects"}) {
            node.putNull(key);
        }
        node.putArray("tables");
        node.putNull("rows");
        node.putNull("restore");
        return JsonDocument.render(node);
    }
}
