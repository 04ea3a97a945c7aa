package io.dbsnap.cli;

import io.dbsnap.SnapshotEvent;
import io.dbsnap.SnapshotEvents;
import io.dbsnap.restore.DataLossRefusedException;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestorePlan;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.StoredSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap restore SNAPSHOT}: an exact restore of a snapshot in one transaction (see
 * {@link SnapshotRestorer}), or a plain SQL file run in one transaction, after saying what it will
 * do and getting a yes.
 */
@Command(name = "restore", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Restore a snapshot (or a plain SQL file) in one transaction.",
        description = "Restore the database to a snapshot, in one transaction: everything in the snapshot's scope is "
                + "dropped (also what was created after it) and the snapshot recreated, then checked against it. A "
                + "safety snapshot (before_restore) of the current state is written first. What will be lost (tables left "
                + "empty with their rows, objects dropped) is listed first. A schema-only snapshot over tables that hold "
                + "rows is a schema rollback that keeps them: the database is migrated back to the snapshot's schema in "
                + "one transaction, and only what was created after it (tables, columns, listed with their rows) is "
                + "lost; --discard-data drops and recreates everything instead, every table empty. Owners and grants the snapshot recorded are set, so the "
                + "server needs its roles (checked first); --no-owner / --no-privileges skip them. Asks for confirmation; "
                + "without a terminal, --yes is required. A plain SQL file (such as pg_dump's) is run as it is, in "
                + "one transaction, without a checksum check.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap restore pre_migration",
                "  dbsnap restore 3 --yes",
                "  dbsnap restore latest --create-db staging_copy",
                "  dbsnap restore backup_from_pg_dump.sql --yes",
                "  dbsnap restore pre_migration --yes --json | jq .verified"})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Parameters(index = "0", paramLabel = "SNAPSHOT",
            description = SnapshotReference.FORMS)
    private String reference;

    @Option(names = "--yes", description = "Do not ask: the command line is the confirmation (scripts, CI).")
    private boolean yes;

    @Option(names = "--no-safety-snapshot", description = "Do not write a snapshot of the current state first.")
    private boolean noSafetySnapshot;

    @Mixin
    private DiscardDataOption discardData;

    @Mixin
    private LockTimeoutOption lockTimeout;

    @Mixin
    private OlderServerOption olderServer;

    @Mixin
    private OwnerAndPrivilegeOptions ownersAndPrivileges;

    @Option(names = "--json", description = "Print what the restore did as one JSON object on stdout, for tools (shape in"
            + " the README); the plan and progress stay on stderr.")
    private boolean json;
    @Mixin
    private ProductionApprovalOption production;

    @Option(names = "--create-db", paramLabel = "NAME",
            description = "Create database NAME on the server of --url and restore into it; refused if it exists."
                    + " Nothing else is touched, so no confirmation is asked.")
    private String createDatabase;

    @Override
    public Integer call() throws SQLException {
        CliContext context = root.context();
        Database database = Database.of(root.databaseUrl());
        production.check(context, createDatabase == null ? database.describe()
                : database.onDatabase(createDatabase).describe(), "restore");
        SnapshotReference resolved = SnapshotReference.resolve(reference, root.directory());
        if (resolved instanceof SnapshotReference.PlainFile plain) {
            if (ownersAndPrivileges.any()) {
                throw new UsageException("--no-owner and --no-privileges apply to dbsnap snapshots; a plain SQL file is"
                        + " run as it is. Write it without owners or grants instead (pg_dump --no-owner --no-privileges).");
            }
            return new PlainFileRestore(context, root.directory(), yes, !noSafetySnapshot, createDatabase,
                    lockTimeout.value()).printingJson(json).restore(plain.file(), database);
        }
        long started = System.nanoTime();
        try {
            return restore((SnapshotReference.Stored) resolved, database);
        } catch (RuntimeException | SQLException e) {
            root.events().failed("restore", reference, Optional.of(database.describe()), started, e);
            throw e;
        }
    }

    private int restore(SnapshotReference.Stored stored, Database database) throws SQLException {
        CliContext context = root.context();
        StoredSnapshot snapshot = stored.snapshot().stored();
        SnapshotMetadata metadata = stored.snapshot().metadata();
        String target = createDatabase == null ? database.describe() : database.onDatabase(createDatabase).describe();
        context.err().print(plan(metadata, snapshot, target));
        RestoreOptions options = lockTimeout.applyTo(noSafetySnapshot ? RestoreOptions.defaults().withoutSafetySnapshot()
                : RestoreOptions.defaults());
        options = olderServer.applyTo(ownersAndPrivileges.applyTo(discardData.applyTo(options)));
        options = production.applyTo(context, options);
        ScriptMeter meter = new ScriptMeter();
        // a snapshot named by its path is read where it lies; what the restore writes goes to --dir
        SnapshotRestorer restorer = new SnapshotRestorer(stored.directory().store(), options)
                .keepingRecordsIn(root.snapshots().store()).watchingScript(meter::watch);
        if (createDatabase == null) {
            RestorePlan losses;
            try (Connection connection = database.connect()) {
                losses = restorer.plan(connection, snapshot);
            }
            context.err().print(RestoreLosses.of(losses, discardData.value()));
            if (losses.emptiesTablesWithRows() && !discardData.value()) {
                throw new DataLossRefusedException(losses);
            }
            Confirmation.require(context, yes, "restore " + snapshot.name().baseName() + " into " + target);
        }
        RestoreReport report;
        try (Connection connection = database.connect();
             LockWaitProbe lockWait = new LockWaitProbe(database);
             ProgressDisplay progress = ProgressDisplay.start(context, "restore " + snapshot.name().baseName(), meter,
                     ScriptSize.uncompressed(snapshot.sqlFile()), tablesOf(metadata), lockWait)) {
            if (createDatabase == null) {
                report = restorer.restore(connection, snapshot);
            } else {
                Database created = database.onDatabase(createDatabase);
                report = restorer.restoreAsNewDatabase(connection, createDatabase,
                        name -> created.dataSource().getConnection(), snapshot);
            }
        }
        context.out().print(json ? RestoreJson.of(report) : RestoreSummary.of(report, root.directory()));
        root.events().tell(SnapshotEvents.about(SnapshotEvent.Type.RESTORED, "restore", snapshot, Optional.of(metadata),
                Optional.of(report.target()), report.elapsed()));
        return report.verification().verified() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }

    private String plan(SnapshotMetadata metadata, StoredSnapshot snapshot, String target) {
        StringBuilder text = new StringBuilder();
        text.append("Restore ").append(snapshot.name().baseName()).append(" (").append(metadata.type()).append(", ")
                .append(metadata.size()).append(", taken ").append(SnapshotReport.UTC_SECONDS.format(metadata.created()))
                .append(metadata.purpose().map(p -> ": " + p).orElse("")).append(")\n");
        text.append("  into ").append(target).append('\n');
        text.append("This will:\n");
        text.append("  - check the file's size and SHA-256 against its metadata\n");
        if (createDatabase != null) {
            text.append("  - create database ").append(createDatabase).append(" (refused if it exists) and restore into it\n");
        } else {
            text.append(noSafetySnapshot ? "  - NOT write a safety snapshot (--no-safety-snapshot)\n"
                    : "  - write a safety snapshot of the current state (" + SnapshotRestorer.SAFETY_LABEL + ") to "
                    + root.directory() + "\n");
            text.append("  - in one transaction, ").append(metadata.type().equals("data-only")
                    ? "empty the snapshot's tables and load its rows\n"
                    : metadata.type().equals("schema-only") && !discardData.value()
                    ? "migrate " + scope(metadata) + " back to the snapshot's schema, keeping the rows of the tables and"
                    + " columns it has (over empty tables: drop everything and recreate it)\n"
                    : "drop everything in " + scope(metadata) + " (also objects created after the snapshot) and recreate it\n");
        }
        text.append("  - verify the restored catalog and row counts against the snapshot\n");
        return text.toString();
    }

    private static String scope(SnapshotMetadata metadata) {
        SnapshotScope scope = metadata.scope().orElse(SnapshotScope.everything());
        return scope.allSchemas() ? "every non-system schema" : "schemas " + String.join(", ", scope.schemas());
    }

    private static OptionalInt tablesOf(SnapshotMetadata metadata) {
        return metadata.tables().isEmpty() ? OptionalInt.empty() : OptionalInt.of(metadata.tables().size());
    }
}
