package io.dbsnap.cli;

import io.dbsnap.store.SnapshotInfo;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dbsnap list}: the snapshots of the directory, newest first. No database is needed. */
@Command(name = "list", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "List the snapshots, newest first.",
        description = "List the snapshots of the directory, newest first, numbered from 1; those of the last 24 hours "
                + "are marked with *. Damaged entries are listed with what is wrong. The index, the label and the "
                + "file name all name a snapshot for show, restore, diff and verify.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap list",
                "  dbsnap list --dir /var/backups/app",
                "  dbsnap list --json | jq -r '.[0].file'"})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private DbsnapCommand root;

    @Option(names = "--json", description = "Print the same entries as a JSON array, for tools.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = root.context();
        List<SnapshotInfo> entries = root.snapshots().list();
        Instant now = context.clock().instant();
        context.out().print(json ? SnapshotListing.json(entries, now)
                : SnapshotListing.table(root.directory(), entries, now));
        return ExitCodes.OK;
    }
}
