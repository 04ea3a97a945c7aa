package io.dbsnap.cli;

import io.dbsnap.restore.RestoreOptions;
import picocli.CommandLine.Option;

/**
 * {@code --discard-data} and {@code --keep-data} of the commands that restore in place. By default
 * a schema-only snapshot restored over tables that hold rows is a schema rollback that keeps them
 * (what it loses, the tables and columns created after the snapshot, is listed before and
 * confirmed by the command); {@code --discard-data} asks for the restore as it was before: drop
 * everything and recreate it, every table empty.
 */
final class DiscardDataOption {

    @Option(names = RestoreLosses.DISCARD_DATA,
            description = "Drop and recreate everything, as a restore of a snapshot with data does: a schema-only"
                    + " snapshot then leaves every table empty. Without it, a schema-only snapshot over tables that hold"
                    + " rows is a schema rollback that keeps them.")
    private boolean discardData;

    @Option(names = "--keep-data",
            description = "The default, kept for scripts that name it: a schema-only snapshot over tables that hold"
                    + " rows is restored as a schema rollback that keeps the data: the database is migrated back to the"
                    + " snapshot's schema in one transaction, and the rows of every table and column the snapshot has"
                    + " stay. What it lacks (tables and columns created after it) is listed before and lost; the safety"
                    + " snapshot keeps a copy.")
    private boolean keepData;

    boolean value() {
        return discardData;
    }

    RestoreOptions applyTo(RestoreOptions options) {
        // what a schema rollback loses (objects created after the snapshot) is listed and confirmed by the command;
        // the old restore empties tables with rows only when asked by name
        return discardData ? options.droppingAndRecreating().discardingData() : options.keepingData().discardingData();
    }
}
