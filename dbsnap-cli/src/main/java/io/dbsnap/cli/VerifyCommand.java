package io.dbsnap.cli;

import io.dbsnap.diff.DiffReport;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.store.SnapshotMetadata;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap verify SNAPSHOT}: is the snapshot as it was written (size and SHA-256 against its
 * metadata, a readable catalog)? With {@code --url}, also: does that database still match it?
 * Exit code 3 when either finds a difference.
 */
@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Check a snapshot's checksum, and with --url the live database.",
        description = "Check a snapshot: its file's size and SHA-256 against its metadata, and that its catalog reads. "
                + "With --url (given on the command line: the environment's URL is not used here), also compare "
                + "the live database's structure with the snapshot's. Exit code 3 when anything differs.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap verify latest",
                "  dbsnap verify pre_migration --url \"$DATABASE_URL\"   # has anything changed since?"})
final class VerifyCommand implements Callable<Integer> {

    /** What --url is to verify, in place of the shared text that names the environment's URLs as its default. */
    static final String URL_DESCRIPTION = "The database to compare with the snapshot: postgresql://user@host:5432/db."
            + " Only when given here: verify does not use the environment's URL ($DBSNAP_DB_URL, $DATABASE_URL, ...),"
            + " so that checking a file never needs a database.";

    @ParentCommand
    private DbsnapCommand root;

    /**
     * The --url every command inherits says it defaults to the environment's URL, which verify
     * does not use: its help says so instead, so that the option and the description agree.
     */
    static void describeUrlOption(CommandSpec verify) {
        OptionSpec inherited = verify.findOption("--url");
        verify.remove(inherited);
        verify.addOption(OptionSpec.builder(inherited).description(URL_DESCRIPTION).build());
    }

    @Parameters(index = "0", paramLabel = "SNAPSHOT",
            description = "latest, an index from list, a label (the newest with it), a file name, or a path.")
    private String reference;

    @Override
    public Integer call() throws IOException {
        CliContext context = root.context();
        SnapshotReference resolved;
        try {
            resolved = SnapshotReference.resolve(reference, root.directory());
        } catch (SnapshotCorruptException e) {
            // damaged as listed (a size that differs from the metadata's, metadata that does not read)
            context.err().println("Verification FAILED: " + Redaction.redact(e.getMessage()));
            return ExitCodes.DIFFERENCES;
        }
        if (!(resolved instanceof SnapshotReference.Stored stored)) {
            throw new DbSnapException(reference + " is a plain SQL file without dbsnap's metadata: there is no checksum"
                    + " to verify it against. Only snapshots dbsnap wrote can be verified.");
        }
        String name = stored.snapshot().name();
        try {
            SnapshotMetadata metadata = stored.snapshot().metadata();
            // reads the whole file (or object) and compares its size and SHA-256 with the metadata
            stored.directory().store().verify(stored.snapshot().stored());
            context.out().println("Checksum OK: " + SnapshotListing.shown(stored.snapshot().file()) + " has the " + metadata.sizeBytes()
                    + " bytes and the SHA-256 its metadata records (" + metadata.sha256() + ")");
            boolean catalog = stored.snapshot().catalog().isPresent();
            context.out().println(catalog ? "Catalog OK: " + stored.snapshot().stored().catalogFile().getFileName() + " reads"
                    : "No catalog file: the structure cannot be compared with a database");
        } catch (SnapshotCorruptException e) {
            context.err().println("Verification FAILED: " + Redaction.redact(e.getMessage()));
            return ExitCodes.DIFFERENCES;
        }
        if (!root.urlGiven()) {
            return ExitCodes.OK;
        }
        Database database = Database.of(root.databaseUrl());
        DiffReport drift = stored.snapshot().diffWith(database.dataSource());
        if (drift.isEmpty()) {
            context.out().println("Database OK: " + database.describe() + " has the structure of " + name);
            return ExitCodes.OK;
        }
        context.out().println("Database DIFFERS: " + database.describe() + " has changed since " + name + ": "
                + drift.summary());
        context.out().print(drift.toText());
        return ExitCodes.DIFFERENCES;
    }
}
