package io.dbsnap.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dbsnap show SNAPSHOT}: one snapshot's metadata and object counts. No database is needed. */
@Command(name = "show", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Show a snapshot's metadata and object counts.",
        description = "Show a snapshot's metadata: label, purpose, creation time, type, size, checksum, database, "
                + "server version, scope, object counts, rows per table (with data) and how to restore it.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap show latest",
                "  dbsnap show 2",
                "  dbsnap show pre_migration",
                "  dbsnap show snapshots/20260304_050607_pre_migration.sql",
                "  dbsnap show latest --json | jq .objects.tables"})
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Parameters(index = "0", paramLabel = "SNAPSHOT",
            description = SnapshotReference.FORMS)
    private String reference;

    @Option(names = "--json", description = "Print the metadata as one JSON object, for tools (shape in the README).")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        CliContext context = root.context();
        SnapshotReference resolved = SnapshotReference.resolve(reference, root.directory());
        if (resolved instanceof SnapshotReference.Stored stored) {
            context.out().print(json ? SnapshotJson.of(stored) : SnapshotDescription.of(stored, context.clock().instant()));
        } else {
            SnapshotReference.PlainFile plain = (SnapshotReference.PlainFile) resolved;
            context.out().print(json ? SnapshotJson.of(plain) : SnapshotDescription.of(plain));
        }
        return ExitCodes.OK;
    }
}
