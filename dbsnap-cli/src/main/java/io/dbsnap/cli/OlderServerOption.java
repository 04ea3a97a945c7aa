package io.dbsnap.cli;

import io.dbsnap.restore.RestoreOptions;
import picocli.CommandLine.Option;

/**
 * {@code --allow-older-server} of the commands that restore a snapshot: one taken from a newer
 * PostgreSQL major version than the server's may hold SQL the older server does not know, so
 * such a restore is refused unless asked for by name.
 */
final class OlderServerOption {

    @Option(names = "--allow-older-server",
            description = "Restore a snapshot taken from a newer PostgreSQL major version than the server's, when you"
                    + " know it uses nothing newer. Without it, such a restore is refused before anything changes.")
    private boolean allowOlderServer;

    RestoreOptions applyTo(RestoreOptions options) {
        return allowOlderServer ? options.allowingOlderServer() : options;
    }
}
