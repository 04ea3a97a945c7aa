package io.dbsnap.cli;

import io.dbsnap.MigrationRequest;
import io.dbsnap.Snapshots;
import io.dbsnap.restore.DryRunReport;
import io.dbsnap.restore.MigrationReport;
import io.dbsnap.restore.NonTransactionalStatement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap migrate FILE}: the migration between a snapshot before and after it, in one
 * transaction, and what it changed; {@code --dry-run} says what it would change and changes
 * nothing. No question is asked: the snapshot before is the way back.
 */
@Command(name = "migrate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Apply a migration file between two snapshots, in one transaction; or try it (--dry-run).",
        description = "Apply a SQL migration file with a way back: dbsnap's lock (a second migration or a restore fails"
                + " at once), a snapshot before_<file stem>, the file in ONE transaction under a lock timeout, a snapshot"
                + " after_<file stem>, and the diff of the two, printed and saved beside the snapshot after it"
                + " ({after}_diff.md, {after}_diff.patch). When a statement fails, everything is rolled back, the"
                + " snapshot before is kept and none after is written. With --dry-run the file runs in a transaction"
                + " that is rolled back: what it would change, and nothing written anywhere.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap migrate db/V7__loyalty_points.sql --dry-run     # what would change, with risks",
                "  dbsnap migrate db/V7__loyalty_points.sql --data        # snapshots with rows: the way back keeps data",
                "  dbsnap restore before_V7__loyalty_points               # undo it later",
                "  dbsnap migrate db/V7__loyalty_points.sql --json | jq .diff.summary.text"})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Parameters(index = "0", paramLabel = "FILE", description = "The migration: a file of SQL statements.")
    private Path file;

    @Option(names = "--dry-run", description = "Run it in a transaction that is rolled back and report what it would change.")
    private boolean dryRun;

    @Option(names = "--data", description = "The snapshots before and after hold the rows too (default: schema only).")
    private boolean data;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long a statement may wait for a lock the application holds before the migration fails"
                    + " and is rolled back; 0 waits forever. Default: ${DEFAULT-VALUE}.")
    private double lockTimeoutSeconds;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long for another dbsnap restore or migration to finish (default: fail at once).")
    private double waitSeconds;

    @Option(names = "--allow-non-transactional",
            description = "Run statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM, ...) after"
                    + " the transaction commits, instead of refusing the migration. They must come last and are not"
                    + " undone if they fail.")
    private boolean outsideTransaction;

    @Option(names = "--json", description = "Print what the migration did (or would do) as one JSON object, for tools"
            + " (shape in the README).")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Database database = Database.of(root.databaseUrl());
        MigrationRequest request = Snapshots.migration(file).in(root.directory())
                .lockTimeout(seconds(lockTimeoutSeconds, "--lock-timeout"))
                .waitForLock(seconds(waitSeconds, "--wait"));
        request = data ? request.withData() : request;
        request = outsideTransaction ? request.runningNonTransactionalStatementsOutside() : request;
        if (dryRun) {
            DryRunReport report = request.dryRun(database.dataSource());
            if (json) {
                context.out().print(MigrationJson.of(report));
                return ExitCodes.OK;
            }
            context.out().println(report.summary());
            context.out().print(report.diff().toText());
            report.hazards().forEach(h -> context.out().println("  hazard: " + h));
            return ExitCodes.OK;
        }
        MigrationReport report = request.applyTo(database.dataSource());
        if (json) {
            context.out().print(MigrationJson.of(report));
            return ExitCodes.OK;
        }
        context.out().println("Migrated " + report.target() + " with " + file.getFileName() + ": "
                + SnapshotReport.plural(report.result().statements(), "statement") + " in one transaction");
        for (NonTransactionalStatement outside : report.outsideTransaction()) {
            context.out().println("  run after the transaction (not undone with it): " + outside.describe());
        }
        context.out().println("  Before: " + SnapshotListing.shown(report.before().sqlFile()));
        context.out().println("  After:  " + SnapshotListing.shown(report.after().sqlFile()));
        context.out().println("  Diff:   " + report.diffMarkdown() + ", " + report.diffPatch());
        context.out().println("  Undo with: dbsnap restore " + report.before().name().baseName()
                + (data ? "" : "  (schema only: a schema rollback that keeps the rows of the tables and columns it has;"
                + " migrate --data keeps a way back with every row)"));
        context.out().println();
        context.out().print(report.diff().toText());
        return ExitCodes.OK;
    }

    private static Duration seconds(double seconds, String option) {
        if (seconds < 0 || Double.isNaN(seconds)) {
            throw new UsageException(option + " must be 0 or more seconds, not " + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
