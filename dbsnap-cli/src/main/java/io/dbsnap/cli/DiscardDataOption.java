package io.dbsnap.cli;

import io.dbsnap.restore.RestoreOptions;
import picocli.CommandLine.Option;

/**
 * {@code --discard-data} and {@code --keep-data} of the commands that restore in place: a
 * schema-only snapshot restored over tables that hold rows leaves them empty, so it is refused
 * unless asked for by name, or restored as a schema rollback that keeps the rows.
 */
final class DiscardDataOption {

    @Option(names = RestoreLosses.DISCARD_DATA,
            description = "Restore a schema-only snapshot even though the database's tables hold rows: every table"
                    + " comes back empty. Without it, such a restore is refused before anything changes.")
    private boolean discardData;

    @Option(names = "--keep-data",
            description = "Restore a schema-only snapshot as a schema rollback that keeps the data: the database is"
                    + " migrated back to the snapshot's schema in one transaction, and the rows of every table and"
                    + " column the snapshot has stay. What it lacks (tables and columns created after it) is listed"
                    + " before, asked for (restore) and lost; the safety snapshot keeps a copy.")
    private boolean keepData;

    boolean value() {
        return discardData;
    }

    RestoreOptions applyTo(RestoreOptions options) {
        // what --keep-data loses (objects created after the snapshot) is listed and confirmed by the command
        return discardData || keepData ? kept(options).discardingData() : options;
    }

    private RestoreOptions kept(RestoreOptions options) {
        return keepData ? options.keepingData() : options;
    }
}
