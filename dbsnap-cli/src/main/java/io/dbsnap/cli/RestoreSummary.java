package io.dbsnap.cli;

import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.RestoreResult;
import java.nio.file.Path;

/** What a restore did, for stdout: where, how much, the safety snapshot to undo it with, and the verification. */
final class RestoreSummary {

    private RestoreSummary() {
    }

    static String of(RestoreReport report, Path directory) {
        StringBuilder text = new StringBuilder();
        text.append(report.emergency() ? "Emergency rollback: restored " : "Restored ")
                .append(report.snapshot().name().baseName()).append(" into ").append(report.target())
                .append(" in ").append(Units.elapsed(report.elapsed())).append('\n');
        text.append("  ").append(counts(report.result()));
        if (report.dropped() > 0) {
            text.append(", ").append(SnapshotReport.plural(report.dropped(), "object")).append(" dropped first");
        }
        text.append('\n');
        String dir = directory.equals(Environment.DEFAULT_DIRECTORY) ? "" : " --dir " + directory;
        report.safetySnapshot().ifPresentOrElse(
                safety -> text.append("  Safety snapshot: ").append(SnapshotListing.shown(safety.sqlFile())).append('\n')
                        .append("  Undo with: dbsnap restore ").append(safety.name().baseName()).append(dir).append('\n'),
                () -> text.append("  No safety snapshot was taken.\n"));
        if (report.verification().verified()) {
            text.append("  Verified: the catalog and the row counts match the snapshot.\n");
        } else {
            text.append("  NOT verified: ").append(SnapshotReport.plural(report.verification().differences().size(),
                    "difference")).append(" from the snapshot:\n");
            report.verification().differences().forEach(d -> text.append("    - ").append(d).append('\n'));
        }
        return text.toString();
    }

    static String counts(RestoreResult result) {
        return SnapshotReport.plural(result.statements(), "statement") + ", " + SnapshotReport.plural(result.rows(), "row");
    }
}
