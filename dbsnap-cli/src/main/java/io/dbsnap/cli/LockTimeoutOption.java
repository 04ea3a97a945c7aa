package io.dbsnap.cli;

import io.dbsnap.restore.RestoreOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --lock-timeout SECONDS} of the commands that restore in place: how long the restore may
 * wait for a lock another session holds before it fails (exit code 4) and changes nothing.
 * Never "forever": a restore waiting behind an open reader makes every new reader queue behind it.
 */
final class LockTimeoutOption {

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long the restore may wait for a lock another session holds (an open transaction that"
                    + " read a table) before it fails with exit code 4, naming the session, and changes nothing."
                    + " Default: ${DEFAULT-VALUE}.")
    private double seconds = RestoreOptions.DEFAULT_LOCK_TIMEOUT.toSeconds();

    Duration value() {
        return duration(seconds);
    }

    /** {@code --lock-timeout}'s seconds as a duration; 0 and less are refused: no wait is without end. */
    static Duration duration(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0.001 || seconds > Integer.MAX_VALUE / 1000.0) {
            throw new UsageException("--lock-timeout must be a number of seconds above 0 (such as 5 or 0.5), not "
                    + seconds + ": dbsnap never waits for a lock without end.");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** {@code options} with this lock timeout. */
    RestoreOptions applyTo(RestoreOptions options) {
        return options.withLockTimeout(value());
    }
}
