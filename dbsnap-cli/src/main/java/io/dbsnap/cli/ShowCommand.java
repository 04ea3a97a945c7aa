package io.dbsnap.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
                "  dbsnap show snapshots/20260304_050607_pre_migration.sql"})
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Parameters(index = "0", paramLabel = "SNAPSHOT",
            description = SnapshotReference.FORMS)
    private String reference;

    @Override
    public Integer call() throws IOException {
        CliContext context = root.context();
        SnapshotReference resolved = SnapshotReference.resolve(reference, root.directory());
        context.out().print(resolved instanceof SnapshotReference.Stored stored
                ? SnapshotDescription.of(stored, context.clock().instant())
                : SnapshotDescription.of((SnapshotReference.PlainFile) resolved));
        return ExitCodes.OK;
    }
}
