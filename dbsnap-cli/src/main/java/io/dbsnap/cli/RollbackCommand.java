package io.dbsnap.cli;

import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.SnapshotRestorer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap rollback --emergency}: the deploy broke production, restore the newest snapshot now.
 * No question is asked (this is the one destructive command that does not ask: --emergency is
 * the confirmation), but everything is said on stderr and written to the directory's
 * {@code restore.log}. A safety snapshot is still taken first unless {@code --no-safety-snapshot},
 * so that the rollback itself can be undone; safety snapshots are never what it rolls back to.
 */
@Command(name = "rollback", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Emergency rollback to the newest snapshot, without asking.",
        description = "Emergency rollback: restore the newest snapshot that is not a safety snapshot, at once, without "
                + "asking. It is logged on stderr and in the directory's restore.log, and takes a safety snapshot "
                + "first (unless --no-safety-snapshot), with the same checks and verification as restore.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap rollback --emergency",
                "  DATABASE_URL=postgresql://app@db:5432/app dbsnap rollback --emergency --dir /srv/app/snapshots"})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Option(names = "--emergency", description = "Required: says that restoring the newest snapshot unasked is meant.")
    private boolean emergency;

    @Option(names = "--no-safety-snapshot", description = "Do not write a snapshot of the current state first (faster).")
    private boolean noSafetySnapshot;

    @Mixin
    private LockTimeoutOption lockTimeout;

    @Override
    public Integer call() throws SQLException {
        if (!emergency) {
            throw new UsageException("rollback restores the newest snapshot without asking, so it needs --emergency."
                    + " To choose a snapshot and confirm, use: dbsnap restore SNAPSHOT");
        }
        CliContext context = root.context();
        Database database = Database.of(root.databaseUrl());
        context.err().println("EMERGENCY ROLLBACK of " + database.describe() + " to the newest snapshot in "
                + root.directory() + ", without confirmation"
                + (noSafetySnapshot ? ", WITHOUT a safety snapshot" : ", after a safety snapshot")
                + "; logged to " + root.directory().resolve("restore.log"));
        RestoreOptions options = lockTimeout.applyTo(noSafetySnapshot ? RestoreOptions.defaults().withoutSafetySnapshot()
                : RestoreOptions.defaults());
        ScriptMeter meter = new ScriptMeter();
        RestoreReport report;
        try (Connection connection = database.connect();
             ProgressDisplay progress = ProgressDisplay.start(context, "rollback", meter, OptionalLong.empty(),
                     OptionalInt.empty())) {
            report = new SnapshotRestorer(root.snapshots().store(), options).watchingScript(meter::watch)
                    .emergencyRollback(connection);
        }
        context.out().print(RestoreSummary.of(report, root.directory()));
        return report.verification().verified() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
}
