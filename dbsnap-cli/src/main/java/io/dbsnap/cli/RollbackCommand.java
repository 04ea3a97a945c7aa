package io.dbsnap.cli;

import io.dbsnap.SnapshotEvent;
import io.dbsnap.SnapshotEvents;
import io.dbsnap.restore.DataLossRefusedException;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestorePlan;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.RollbackChoice;
import io.dbsnap.restore.SnapshotRestorer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap rollback --emergency}: the deploy broke production, undo the last dbsnap operation
 * now (the snapshot is chosen by {@link SnapshotRestorer#rollbackTarget}: after a migration, the
 * snapshot before it). No question is asked (this is the one destructive command that does not
 * ask: --emergency is the confirmation), but the snapshot chosen, why, and what will be lost are
 * said on stderr, and the rollback is written to the directory's {@code restore.log}. A safety
 * snapshot is still taken first unless {@code --no-safety-snapshot}, so that the rollback itself
 * can be undone; safety snapshots are never what it rolls back to.
 */
@Command(name = "rollback", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Emergency rollback: undo the last dbsnap operation, without asking.",
        description = "Emergency rollback: at once, without asking, restore the state before the last dbsnap operation:"
                + " after a migrate, its before_ snapshot (never an after_ one); after a restore or rollback, the"
                + " snapshot it restored; otherwise the newest snapshot taken on request. Safety snapshots are never"
                + " chosen. The snapshot chosen, why, and what will be lost are printed on stderr; the rollback is"
                + " logged in the directory's restore.log, takes a safety snapshot first (unless --no-safety-snapshot),"
                + " and has the same checks and verification as restore. A schema-only snapshot over tables that hold"
                + " rows is a schema rollback that keeps them (after a migrate: the migration undone, the rows kept);"
                + " --discard-data drops and recreates everything instead, every table empty.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap rollback --emergency",
                "  dbsnap rollback --emergency --discard-data    # drop and recreate: to a schema-only snapshot, every table empty",
                "  DATABASE_URL=postgresql://app@db:5432/app dbsnap rollback --emergency --dir /srv/app/snapshots"})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Option(names = "--emergency", description = "Required: says that rolling back unasked is meant.")
    private boolean emergency;

    @Option(names = "--no-safety-snapshot", description = "Do not write a snapshot of the current state first (faster).")
    private boolean noSafetySnapshot;

    @Mixin
    private DiscardDataOption discardData;

    @Mixin
    private LockTimeoutOption lockTimeout;

    @Mixin
    private OlderServerOption olderServer;

    @Mixin
    private ProductionApprovalOption production;

    @Override
    public Integer call() throws SQLException {
        if (!emergency) {
            throw new UsageException("rollback restores a snapshot without asking, so it needs --emergency."
                    + " To choose a snapshot and confirm, use: dbsnap restore SNAPSHOT");
        }
        CliContext context = root.context();
        Database database = Database.of(root.databaseUrl());
        production.check(context, database.describe(), "roll back");
        long started = System.nanoTime();
        try {
            return rollback(context, database);
        } catch (RuntimeException | SQLException e) {
            root.events().failed("rollback", "rollback", Optional.of(database.describe()), started, e);
            throw e;
        }
    }

    private int rollback(CliContext context, Database database) throws SQLException {
        context.err().println("EMERGENCY ROLLBACK of " + database.describe() + ", undoing the last dbsnap operation"
                + " with a snapshot in " + root.directory() + ", without confirmation"
                + (noSafetySnapshot ? ", WITHOUT a safety snapshot" : ", after a safety snapshot")
                + "; logged to " + root.snapshots().store().recordsDirectory().resolve("restore.log"));
        RestoreOptions options = lockTimeout.applyTo(noSafetySnapshot ? RestoreOptions.defaults().withoutSafetySnapshot()
                : RestoreOptions.defaults());
        options = production.applyTo(context, olderServer.applyTo(discardData.applyTo(options)));
        ScriptMeter meter = new ScriptMeter();
        SnapshotRestorer restorer = new SnapshotRestorer(root.snapshots().store(), options).watchingScript(meter::watch);
        RestoreReport report;
        try (Connection connection = database.connect()) {
            RollbackChoice choice = restorer.rollbackTarget(connection);
            context.err().println(choice.reason());
            RestorePlan plan = restorer.plan(connection, choice.snapshot());
            context.err().print(RestoreLosses.of(plan, discardData.value()));
            if (plan.emptiesTablesWithRows() && !discardData.value()) {
                throw new DataLossRefusedException(plan);
            }
            try (ProgressDisplay progress = ProgressDisplay.start(context, "rollback", meter, OptionalLong.empty(),
                    OptionalInt.empty())) {
                report = restorer.emergencyRollback(connection, choice);
            }
        }
        context.out().print(RestoreSummary.of(report, root.directory()));
        root.events().tell(SnapshotEvents.about(SnapshotEvent.Type.ROLLED_BACK, "rollback", report.snapshot(),
                Optional.of(root.snapshots().store().metadata(report.snapshot())), Optional.of(report.target()),
                report.elapsed()));
        return report.verification().verified() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
}
