package io.dbsnap.cli;

import io.dbsnap.Snapshots;
import io.dbsnap.SnapshotDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dbsnap}: the top command, which holds the options every subcommand shares. A new
 * subcommand is one class added to {@code subcommands} below.
 */
@Command(name = "dbsnap",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Snapshots of PostgreSQL databases, in pure Java: take, list, restore, diff and clean up.", ""},
        subcommands = {
                SnapshotCommand.class,
                ListCommand.class,
                ShowCommand.class,
                RestoreCommand.class,
                RollbackCommand.class,
                DiffCommand.class,
                VerifyCommand.class,
                MigrateCommand.class,
                CleanupCommand.class,
                DumpCommand.class,
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  DBSNAP_DB_URL, DATABASE_URL, SUPABASE_DB_URL",
                "                 the database when --url is not given (the first one set)",
                "  DBSNAP_DIR     the snapshot directory when --dir is not given (else ./snapshots)",
                "",
                "Exit codes:",
                "  0 success, 1 operation failed, 2 usage error, 3 verification found differences,",
                "  4 lock held by another operation",
                "",
                "Run 'dbsnap COMMAND --help' for a command's options and examples."})
final class DbsnapCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 100,
            description = "The database: postgresql://user:password@host:5432/db or jdbc:postgresql://host:5432/db?user=..."
                    + " Default: $DBSNAP_DB_URL, $DATABASE_URL, $SUPABASE_DB_URL.")
    private String url;

    @Option(names = "--dir", scope = ScopeType.INHERIT, paramLabel = "DIR", order = 101,
            description = "The snapshot directory. Default: $DBSNAP_DIR, else ./snapshots.")
    private Path dir;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 102,
            description = "Debug logs, and a stack trace with any error.")
    private boolean verbose;

    private CliContext context;

    DbsnapCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    boolean verbose() {
        return verbose;
    }

    /** The --url option as given, else the environment's; never read until a command needs a database. */
    Environment.Source databaseUrl() {
        return context.environment().databaseUrl(url).orElseThrow(() -> new UsageException(
                "No database given: use --url postgresql://user:password@host:5432/db, or set DBSNAP_DB_URL"
                        + " (or DATABASE_URL, SUPABASE_DB_URL)."));
    }

    /** Only the --url option, without the environment's fallback. */
    boolean urlGiven() {
        return url != null && !url.isBlank();
    }

    Path directory() {
        return context.environment().snapshotDirectory(dir);
    }

    SnapshotDirectory snapshots() {
        return Snapshots.in(directory());
    }

    @Override
    public Integer call() {
        // "dbsnap" alone is not a command: show what it can do, where diagnostics go
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
