package io.dbsnap.cli;

import io.dbsnap.Snapshot;
import io.dbsnap.SnapshotRequest;
import io.dbsnap.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dbsnap snapshot LABEL}: takes a snapshot into the directory and reports it as the seeds' scripts did. */
@Command(name = "snapshot", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Take a snapshot of the database (schema, or schema and data).",
        description = "Take a snapshot of the database: its schema (the default), or its schema and data with --data; "
                + "owners and grants are recorded as pg_dump records them unless --no-owner / --no-privileges. "
                + "The snapshot is {yyyyMMdd_HHmmss}_{LABEL}.sql (UTC) in the snapshot directory, with its "
                + "metadata ({name}.meta.yaml) and catalog ({name}.catalog.json) beside it; it appears only when "
                + "complete.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap snapshot pre_migration --purpose \"before adding user_roles\"",
                "  dbsnap snapshot nightly --data --gzip --exclude-table-data 'public.audit_*'",
                "  dbsnap snapshot auth_only --schema auth --url postgresql://app@db.example.com:5432/app"})
final class SnapshotCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Parameters(index = "0", paramLabel = "LABEL",
            description = "What the snapshot is: 1-100 of A-Z a-z 0-9 . _ - (pre_migration, v1.2.0, baseline).")
    private String label;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "Why it is taken; shown by list and show.")
    private String purpose;

    @Option(names = "--data", description = "Include every table's rows, sequence values and large objects.")
    private boolean data;

    @Option(names = "--gzip", description = "Write {name}.sql.gz instead of {name}.sql.")
    private boolean gzip;

    @Option(names = "--schema", paramLabel = "S", description = "Only this schema (repeatable). Default: every non-system schema.")
    private List<String> schemas = new ArrayList<>();

    @Option(names = "--table", paramLabel = "T",
            description = "Only tables, views and sequences matching this pattern: schema.name or name, with * and ? (repeatable).")
    private List<String> tables = new ArrayList<>();

    @Option(names = "--exclude-table", paramLabel = "T", description = "Leave out tables matching this pattern (repeatable).")
    private List<String> excludeTables = new ArrayList<>();

    @Option(names = "--exclude-table-data", paramLabel = "T",
            description = "Keep the definition of tables matching this pattern but not their rows (repeatable).")
    private List<String> excludeTableData = new ArrayList<>();

    @Mixin
    private OwnerAndPrivilegeOptions ownersAndPrivileges;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for a lock another session holds (an ALTER TABLE on a table, or on one"
                    + " under a view) before failing with exit code 4, naming the session. Default: ${DEFAULT-VALUE}.")
    private double lockTimeoutSeconds;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Database database = Database.of(root.databaseUrl());
        SnapshotRequest request = request();
        ScriptMeter meter = new ScriptMeter();
        Snapshot snapshot;
        try (LockWaitProbe lockWait = new LockWaitProbe(database);
             ProgressDisplay progress = ProgressDisplay.start(context, "snapshot " + label, meter, OptionalLong.empty(),
                     OptionalInt.empty(), lockWait)) {
            snapshot = request.from(database.dataSource(), meter::watch);
        }
        context.out().print(SnapshotReport.render(snapshot, root.directory()));
        return ExitCodes.OK;
    }

    private SnapshotRequest request() {
        SnapshotRequest request = Snapshots.create(label).in(root.directory()).withEvents(root.events().events());
        if (purpose != null && !purpose.isBlank()) {
            request = request.purpose(purpose);
        }
        if (data) {
            request = request.withData();
        }
        if (gzip) {
            request = request.gzip();
        }
        if (!schemas.isEmpty()) {
            request = request.schemas(schemas.toArray(String[]::new));
        }
        if (!tables.isEmpty()) {
            request = request.tables(tables.toArray(String[]::new));
        }
        if (!excludeTables.isEmpty()) {
            request = request.excludeTables(excludeTables.toArray(String[]::new));
        }
        if (!excludeTableData.isEmpty()) {
            request = request.excludeTableData(excludeTableData.toArray(String[]::new));
        }
        request = ownersAndPrivileges.applyTo(request);
        return request.lockTimeout(LockTimeoutOption.duration(lockTimeoutSeconds));
    }
}
