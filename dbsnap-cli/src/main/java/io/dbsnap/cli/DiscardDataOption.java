package io.dbsnap.cli;

import io.dbsnap.restore.RestoreOptions;
import picocli.CommandLine.Option;

/**
 * {@code --discard-data} of the commands that restore in place: a schema-only snapshot restored
 * over tables that hold rows leaves them empty, so it is refused unless asked for by name.
 */
final class DiscardDataOption {

    @Option(names = RestoreLosses.DISCARD_DATA,
            description = "Restore a schema-only snapshot even though the database's tables hold rows: every table"
                    + " comes back empty. Without it, such a restore is refused before anything changes.")
    private boolean discardData;

    boolean value() {
        return discardData;
    }

    RestoreOptions applyTo(RestoreOptions options) {
        return discardData ? options.discardingData() : options;
    }
}
