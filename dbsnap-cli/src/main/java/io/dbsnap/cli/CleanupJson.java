package io.dbsnap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.store.CleanupPlan;
import io.dbsnap.store.RetentionCandidate;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code dbsnap cleanup --json} prints: the plan (each snapshot kept with its reasons, each
 * to delete) and, unless it was a dry run, the snapshots deleted.
 */
final class CleanupJson {

    private CleanupJson() {
    }

    static String of(Path directory, CleanupPlan plan, boolean dryRun, List<String> deleted) {
        ObjectNode node = JsonDocument.of("cleanup");
        node.put("directory", directory.toString());
        node.put("dry_run", dryRun);
        ArrayNode kept = node.putArray("kept");
        for (CleanupPlan.Kept k : plan.kept()) {
            ObjectNode entry = candidate(kept, k.snapshot());
            entry.set("reasons", JsonDocument.strings(k.reasons()));
        }
        ArrayNode toDelete = node.putArray("to_delete");
        plan.deleted().forEach(c -> candidate(toDelete, c));
        node.set("deleted", JsonDocument.strings(deleted));
        return JsonDocument.render(node);
    }

    private static ObjectNode candidate(ArrayNode array, RetentionCandidate candidate) {
        ObjectNode entry = array.addObject();
        entry.put("name", candidate.id());
        entry.put("label", candidate.label());
        entry.put("created", candidate.created().toString());
        entry.put("pinned", candidate.pinned());
        return entry;
    }
}
