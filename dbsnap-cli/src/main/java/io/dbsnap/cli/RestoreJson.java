package io.dbsnap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.RestoreResult;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What {@code dbsnap restore --json} prints: what the restore did, its safety snapshot and its verification. */
final class RestoreJson {

    private RestoreJson() {
    }

    static String of(RestoreReport report) {
        ObjectNode node = start(report.snapshot().name().baseName(), report.snapshot().sqlFile(), report.target(),
                report.emergency(), report.elapsed(), report.result());
        node.put("dropped", report.dropped());
        node.set("safety_snapshot", JsonDocument.snapshot(report.safetySnapshot()));
        node.put("verified", report.verification().verified());
        node.set("differences", JsonDocument.strings(report.verification().differences()));
        return JsonDocument.render(node);
    }

    /** A plain SQL file, run as it is: nothing dropped first, nothing to verify against ({@code verified} null). */
    static String ofPlainFile(Path file, String target, RestoreResult result, Optional<StoredSnapshot> safety) {
        ObjectNode node = start(null, file, target, false, result.elapsed(), result);
        node.putNull("dropped");
        node.set("safety_snapshot", JsonDocument.snapshot(safety));
        node.putNull("verified");
        node.set("differences", JsonDocument.strings(List.of()));
        return JsonDocument.render(node);
    }

    private static ObjectNode start(String snapshot, Path file, String target, boolean emergency, Duration elapsed,
                                    RestoreResult result) {
        ObjectNode node = JsonDocument.of("restore");
        node.put("snapshot", snapshot);
        node.put("file", file.toString());
        node.put("plain_file", snapshot == null);
        node.put("target", target);
        node.put("emergency", emergency);
        node.put("elapsed_ms", elapsed.toMillis());
        node.put("statements", result.statements());
        node.put("rows", result.rows());
        ObjectNode tables = node.putObject("rows_by_table");
        result.rowsByTable().forEach(tables::put);
        return node;
    }
}
