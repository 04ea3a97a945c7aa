package io.dbsnap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.store.SnapshotMetadata;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
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
                "  dbsnap verify pre_migration --url \"$DATABASE_URL\"   # has anything changed since?",
                "  dbsnap verify latest --json | jq .verified"})
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

    @Option(names = "--json", description = "Print the outcome as one JSON object, for tools (shape in the README);"
            + " the exit code is the same.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        CliContext context = root.context();
        SnapshotReference resolved;
        try {
            resolved = SnapshotReference.resolve(reference, root.directory());
        } catch (SnapshotCorruptException e) {
            // damaged as listed (a size that differs from the metadata's, metadata that does not read)
            return failed(null, e);
        }
        if (!(resolved instanceof SnapshotReference.Stored stored)) {
            throw new DbSnapException(reference + " is a plain SQL file without dbsnap's metadata: there is no checksum"
                    + " to verify it against. Only snapshots dbsnap wrote can be verified.");
        }
        String name = stored.snapshot().name();
        SnapshotMetadata metadata;
        boolean catalog;
        try {
            metadata = stored.snapshot().metadata();
            // reads the whole file (or object) and compares its size and SHA-256 with the metadata
            stored.directory().store().verify(stored.snapshot().stored());
            catalog = stored.snapshot().catalog().isPresent();
        } catch (SnapshotCorruptException e) {
            return failed(stored, e);
        }
        ObjectNode document = document(stored, true, null, metadata, catalog);
        if (!json) {
            context.out().println("Checksum OK: " + SnapshotListing.shown(stored.snapshot().file()) + " has the "
                    + metadata.sizeBytes() + " bytes and the SHA-256 its metadata records (" + metadata.sha256() + ")");
            context.out().println(catalog ? "Catalog OK: " + stored.snapshot().stored().catalogFile().getFileName() + " reads"
                    : "No catalog file: the structure cannot be compared with a database");
        }
        if (!root.urlGiven()) {
            document.putNull("database");
            return finish(document, ExitCodes.OK);
        }
        Database database = Database.of(root.databaseUrl());
        DiffReport drift = stored.snapshot().diffWith(database.dataSource());
        ObjectNode compared = document.putObject("database");
        compared.put("target", database.describe());
        compared.put("matches", drift.isEmpty());
        compared.set("diff", JsonDocument.diff(drift));
        document.put("verified", drift.isEmpty());
        if (json) {
            return finish(document, drift.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENCES);
        }
        if (drift.isEmpty()) {
            context.out().println("Database OK: " + database.describe() + " has the structure of " + name);
            return ExitCodes.OK;
        }
        context.out().println("Database DIFFERS: " + database.describe() + " has changed since " + name + ": "
                + drift.summary());
        context.out().print(drift.toText());
        return ExitCodes.DIFFERENCES;
    }

    /** The file is not as written: said on stderr, or with --json as the document (the exit code is the same). */
    private int failed(SnapshotReference.Stored stored, SnapshotCorruptException e) {
        String reason = Redaction.redact(e.getMessage());
        if (!json) {
            root.context().err().println("Verification FAILED: " + reason);
            return ExitCodes.DIFFERENCES;
        }
        ObjectNode document = document(stored, false, reason, null, false);
        document.putNull("database");
        return finish(document, ExitCodes.DIFFERENCES);
    }

    /**
     * verify's shape: {@code snapshot}, {@code file}, {@code verified} (everything checked agrees),
     * {@code checksum} ({@code ok}, {@code size_bytes}, {@code sha256}, {@code error}), {@code catalog}
     * (whether its catalog file reads: null when the checksum failed), then {@code database}.
     */
    private ObjectNode document(SnapshotReference.Stored stored, boolean checksumOk, String error,
                                SnapshotMetadata metadata, boolean catalog) {
        ObjectNode document = JsonDocument.of("verify");
        document.put("snapshot", stored == null ? reference : stored.snapshot().name());
        document.put("file", stored == null ? null : stored.snapshot().file().toString());
        document.put("verified", checksumOk);
        ObjectNode checksum = document.putObject("checksum");
        checksum.put("ok", checksumOk);
        checksum.put("size_bytes", metadata == null ? null : metadata.sizeBytes());
        checksum.put("sha256", metadata == null ? null : metadata.sha256());
        checksum.put("error", error);
        if (checksumOk) {
            document.put("catalog", catalog);
        } else {
            document.putNull("catalog");
        }
        return document;
    }

    private int finish(ObjectNode document, int exitCode) {
        if (json) {
            root.context().out().print(JsonDocument.render(document));
        }
        return exitCode;
    }
}
