package io.dbsnap.cli;

import io.dbsnap.SnapshotDirectory;
import io.dbsnap.Snapshots;
import io.dbsnap.connection.ConnectionUrl;
import io.dbsnap.nats.NatsPublisher;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code dbsnap}: the top command, which holds the options every subcommand shares. Its
 * subcommands are listed in {@link Cli}, which adds only the one a run names.
 */
@Command(name = "dbsnap",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Snapshots of PostgreSQL databases, in pure Java: take, list, restore, diff and clean up.", ""},
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  DBSNAP_DB_URL, DATABASE_URL, SUPABASE_DB_URL",
                "                 the database when --url is not given (the first one set)",
                "  PGHOST, PGPORT, PGUSER, PGDATABASE",
                "                 the database when neither --url nor the variables above are given",
                "  PGPASSWORD, PGPASSFILE (else ~/.pgpass)",
                "                 the password when the URL has none (as libpq reads them)",
                "  DBSNAP_DIR     the snapshot directory when --dir is not given (else ./supabase/snapshots",
                "                 in a Supabase project, one with a supabase/ folder; else ./snapshots);",
                "                 s3://bucket/prefix for a bucket, wherever a directory is accepted",
                "  DBSNAP_S3_ENDPOINT, DBSNAP_S3_PATH_STYLE",
                "                 an S3-compatible service (MinIO, R2, ...); region and credentials come",
                "                 from the AWS SDK's chain (AWS_REGION, AWS_ACCESS_KEY_ID, ~/.aws, ...)",
                "  DBSNAP_NATS_URL, DBSNAP_NATS_SUBJECT",
                "                 where events go when --notify, --notify-subject are not given",
                "  DBSNAP_PROTECTED",
                "                 protected databases: restore and rollback need --approve-production",
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
            description = "The database: postgresql://user@host:5432/db or jdbc:postgresql://host:5432/db?user=..."
                    + " Default: $DBSNAP_DB_URL, $DATABASE_URL, $SUPABASE_DB_URL, else $PGHOST, $PGPORT, $PGUSER,"
                    + " $PGDATABASE.")
    private String url;

    @Option(names = "--password-file", scope = ScopeType.INHERIT, paramLabel = "FILE", order = 100,
            description = "Read the database password from the first line of FILE, rather than from the URL, which"
                    + " the process list shows. Also: $PGPASSWORD, ~/.pgpass or $PGPASSFILE.")
    private Path passwordFile;

    @Option(names = "--dir", scope = ScopeType.INHERIT, paramLabel = "DIR", order = 101,
            description = "The snapshot directory, or a bucket as s3://bucket/prefix. Default: $DBSNAP_DIR, else"
                    + " ./supabase/snapshots when ./supabase/ exists (a Supabase project), else ./snapshots.")
    private Path dir;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 102,
            description = "Debug logs, and a stack trace with any error.")
    private boolean verbose;

    @Option(names = "--notify", scope = ScopeType.INHERIT, paramLabel = "URL", order = 103,
            description = "Publish an event (JSON) for each snapshot, restore, rollback, deletion and failure to the NATS"
                    + " server at URL, such as nats://nats.internal:4222. Default: $DBSNAP_NATS_URL. A failed publish"
                    + " is reported here and never fails the command.")
    private String notify;

    @Option(names = "--notify-subject", scope = ScopeType.INHERIT, paramLabel = "SUBJECT", order = 103,
            description = "The NATS subject of events. Default: $DBSNAP_NATS_SUBJECT, else " + NatsPublisher.DEFAULT_SUBJECT + ".")
    private String notifySubject;

    private CliContext context;
    private boolean passwordWarned;
    private CommandEvents events;

    DbsnapCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    boolean verbose() {
        return verbose;
    }

    /**
     * The --url option as given, else the environment's, with --password-file's password; never
     * read until a command needs a database. Warns (once) when --url holds a password.
     */
    Environment.Source databaseUrl() {
        Environment.Source source = context.environment().databaseUrl(url).orElseThrow(() -> new UsageException(
                "No database given: use --url postgresql://user@host:5432/db (the password in PGPASSWORD, ~/.pgpass"
                        + " or --password-file), or set DBSNAP_DB_URL (or DATABASE_URL, SUPABASE_DB_URL), or"
                        + " PGHOST, PGPORT, PGUSER and PGDATABASE."));
        if (urlGiven()) {
            warnOfPasswordIn(url, "--url");
        }
        return withPasswordFile(source);
    }

    /** A database named on the command line other than by --url (diff's arguments). */
    Environment.Source databaseUrl(String text, String from) {
        warnOfPasswordIn(text, from);
        return withPasswordFile(new Environment.Source(text, from, Optional.empty(), context.environment().libpq()));
    }

    private Environment.Source withPasswordFile(Environment.Source source) {
        Optional<String> password = passwordFile == null ? Optional.empty() : Optional.of(PasswordOption.read(passwordFile));
        return new Environment.Source(source.url(), source.from(), password, source.libpq());
    }

    /** Once per run: the process list shows the command line to every user of the machine. */
    private void warnOfPasswordIn(String text, String from) {
        if (passwordWarned) {
            return;
        }
        boolean hasPassword;
        try {
            hasPassword = ConnectionUrl.parse(text).password().isPresent();
        } catch (IllegalArgumentException e) {
            return; // reported when it is used
        }
        if (hasPassword) {
            passwordWarned = true;
            context.err().println("Warning: the password in " + from + " can be read by every user of this machine"
                    + " (ps) while dbsnap runs. Leave it out of the URL and use PGPASSWORD, ~/.pgpass (or PGPASSFILE),"
                    + " --password-file FILE, or a URL in DATABASE_URL instead.");
        }
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

    /** Where this run's events go: --notify or $DBSNAP_NATS_URL, else nowhere. Built once per run. */
    CommandEvents events() {
        if (events == null) {
            events = CommandEvents.of(context, notify, notifySubject);
        }
        return events;
    }

    /** Closes the connection to the events' server, if one was opened. */
    void closeEvents() {
        if (events != null) {
            events.close();
        }
    }

    @Override
    public Integer call() {
        // "dbsnap" alone is not a command: show what it can do, where diagnostics go
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
