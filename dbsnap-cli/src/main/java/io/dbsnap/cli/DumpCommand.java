package io.dbsnap.cli;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dumper.DumpResult;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.SnapshotScope;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap dump}: the SQL a snapshot holds, to stdout, so that it can stand in for
 * {@code pg_dump} in scripts: schema and data by default, as pg_dump's plain format.
 */
@Command(name = "dump", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Write the database as plain SQL to stdout or a file, like pg_dump.",
        description = "Write the database as plain SQL to stdout (or --file), as pg_dump does: schema and data unless told "
                + "otherwise; with owners and grants unless told not to (--no-owner, --no-privileges). The output is the SQL a "
                + "snapshot holds and runs with psql -v ON_ERROR_STOP=1 -f or dbsnap restore. Nothing is stored. "
                + "pg_dump's short options -f, -s, -a, -c, -n, -t, -T mean the same here.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap dump > app.sql",
                "  dbsnap dump -s -n app -f schema.sql",
                "  dbsnap dump --schema-only --clean --schema public | gzip > schema.sql.gz",
                "  dbsnap dump --exclude-table-data 'public.audit_*' --no-owner --no-privileges --url \"$DATABASE_URL\""})
final class DumpCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @ArgGroup(exclusive = true)
    private Content content = new Content();

    /** --schema-only or --data-only, not both. */
    static final class Content {
        @Option(names = {"-s", "--schema-only"}, description = "Only the schema, no rows.")
        boolean schemaOnly;

        @Option(names = {"-a", "--data-only"}, description = "Only the rows (COPY), sequence values and large objects.")
        boolean dataOnly;
    }

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write to FILE instead of stdout. "
            + "The file appears whole when the dump ends: a dump that fails leaves an existing FILE as it was.")
    private Path file;

    @Option(names = {"-c", "--clean"}, description = "Drop each object first (DROP ... IF EXISTS), to replace an older version.")
    private boolean clean;

    @Mixin
    private OwnerAndPrivilegeOptions ownersAndPrivileges;

    @Option(names = {"-n", "--schema"}, paramLabel = "S", description = "Only this schema (repeatable).")
    private List<String> schemas = new ArrayList<>();

    @Option(names = {"-t", "--table"}, paramLabel = "T", description = "Only tables matching this pattern (repeatable), as pg_dump -t.")
    private List<String> tables = new ArrayList<>();

    @Option(names = {"-T", "--exclude-table"}, paramLabel = "T", description = "Leave out tables matching this pattern (repeatable), as pg_dump -T.")
    private List<String> excludeTables = new ArrayList<>();

    @Option(names = "--exclude-table-data", paramLabel = "T", description = "Keep these tables' definitions, not their rows (repeatable).")
    private List<String> excludeTableData = new ArrayList<>();

    @Override
    public Integer call() throws SQLException {
        CliContext context = root.context();
        Database database = Database.of(root.databaseUrl());
        DatabaseDumper dumper = new DatabaseDumper(CatalogReader.of(new SnapshotScope(schemas, tables, excludeTables)),
                options());
        ScriptMeter meter = new ScriptMeter();
        DumpResult result;
        if (file != null) {
            result = new AtomicFile(file).write(out -> dump(context, database, dumper, meter, out));
        } else {
            try {
                result = dump(context, database, dumper, meter, context.out());
                if (context.out().checkError()) {
                    // a PrintStream keeps write errors to itself: a closed pipe must not pass for a dump
                    throw new IOException("stdout was closed before the dump ended");
                }
            } catch (IOException e) {
                throw new DbSnapException("Could not write the dump to stdout: " + e.getMessage(), e);
            }
        }
        result.warnings().forEach(w -> context.err().println("Warning: " + w));
        return ExitCodes.OK;
    }

    private static DumpResult dump(CliContext context, Database database, DatabaseDumper dumper, ScriptMeter meter,
                                   OutputStream target) throws SQLException, IOException {
        try (Connection connection = database.connect();
             ProgressDisplay progress = ProgressDisplay.start(context, "dump", meter, OptionalLong.empty(), OptionalInt.empty())) {
            OutputStream out = meter.watch(target);
            DumpResult result = dumper.dump(connection, out);
            out.flush();
            return result;
        }
    }

    private DumpOptions options() {
        DumpOptions options = content.schemaOnly ? DumpOptions.schemaOnly()
                : content.dataOnly ? DumpOptions.dataOnly() : DumpOptions.schemaAndData();
        DdlOptions ddl = DdlOptions.defaults();
        if (clean) {
            ddl = ddl.withClean();
        }
        ddl = ownersAndPrivileges.applyTo(ddl);
        options = options.with(ddl);
        if (!excludeTableData.isEmpty()) {
            options = options.excludeTableData(excludeTableData.toArray(String[]::new));
        }
        return options;
    }
}
