package io.dbsnap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.migration.Hazard;
import io.dbsnap.restore.DryRunReport;
import io.dbsnap.restore.MigrationReport;
import io.dbsnap.restore.NonTransactionalStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code dbsnap migrate --json} prints: one shape for a migration and its dry run, told apart
 * by {@code dry_run}; what only one of them has is null in the other.
 */
final class MigrationJson {

    private MigrationJson() {
    }

    static String of(MigrationReport report) {
        ObjectNode node = start(false, report.migration(), report.target(), report.result().statements());
        node.set("outside_transaction", statements(report.outsideTransaction()));
        node.set("not_tried", statements(List.of()));
        node.putArray("hazards");
        node.set("before", JsonDocument.snapshot(Optional.of(report.before())));
        node.set("after", JsonDocument.snapshot(Optional.of(report.after())));
        node.put("diff_markdown", JsonDocument.path(report.diffMarkdown()));
        node.put("diff_patch", JsonDocument.path(report.diffPatch()));
        node.put("down_migration", JsonDocument.path(report.downMigration()));
        node.set("diff", JsonDocument.diff(report.diff()));
        return JsonDocument.render(node);
    }

    static String of(DryRunReport report) {
        ObjectNode node = start(true, report.migration(), report.target(), report.result().statements());
        node.set("outside_transaction", statements(List.of()));
        node.set("not_tried", statements(report.notTried()));
        ArrayNode hazards = node.putArray("hazards");
        for (Hazard hazard : report.hazards()) {
            ObjectNode h = hazards.addObject();
            h.put("kind", hazard.kind().name());
            h.put("subject", hazard.subject());
            h.put("detail", hazard.detail());
        }
        for (String key : new String[] {"before", "after", "diff_markdown", "diff_patch", "down_migration"}) {
            node.putNull(key);
        }
        node.set("diff", JsonDocument.diff(report.diff()));
        return JsonDocument.render(node);
    }

    private static ObjectNode start(boolean dryRun, Path file, String target, int statements) {
        ObjectNode node = JsonDocument.of("migrate");
        node.put("dry_run", dryRun);
        node.put("file", file.toString());
        node.put("target", target);
        node.put("statements", statements);
        return node;
    }

    private static ArrayNode statements(List<NonTransactionalStatement> statements) {
        return JsonDocument.strings(statements.stream().map(NonTransactionalStatement::describe).toList());
    }
}
