package io.dbsnap.restore;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back the {@code restore.log} that {@link RestoreLog} appends to: the last restore into a
 * database that went through (its transaction committed), for an emergency rollback to know
 * whether a restore was the last thing dbsnap did to the database. Lines it cannot read, and
 * restores that failed or went into another database (a {@code --create-db} clone), are passed
 * over.
 */
final class RestoreHistory {

    /** A restore the log records as done. */
    record LoggedRestore(Instant finished, String snapshotFile, boolean emergency) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestoreHistory.class);
    // the line RestoreLog.append writes; the target may hold spaces (a database name can)
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) (restore|emergency-rollback) snapshot=(\\S+) target=(.*?) duration=([0-9.]+)s outcome=(.*)$");

    private RestoreHistory() {
    }

    /** The last restore into {@code target} ({@code user@host:port/db}, the user aside) that was done. */
    static Optional<LoggedRestore> lastRestoreInto(Path directory, String target) {
        Path file = directory.resolve(RestoreLog.FILE_NAME);
        Optional<LoggedRestore> last = Optional.empty();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher m = LINE.matcher(line);
                if (m.matches() && m.group(6).startsWith("restored") && sameDatabase(m.group(4), target)) {
                    Optional<LoggedRestore> restore = parse(m);
                    last = restore.isPresent() ? restore : last;
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the restore log {}: {}; the restores it records are not taken into account", file,
                    e.toString());
        }
        return last;
    }

    private static Optional<LoggedRestore> parse(Matcher m) {
        try {
            Instant started = Instant.parse(m.group(1));
            Duration took = Duration.ofNanos(new BigDecimal(m.group(5)).movePointRight(9).longValue());
            return Optional.of(new LoggedRestore(started.plus(took), m.group(3), m.group(2).equals("emergency-rollback")));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * The same database whoever connected: {@code host:port/db} after the user, which
     * {@link io.dbsnap.connection.DatabaseAddress} writes before the last {@code @}.
     */
    static boolean sameDatabase(String one, String other) {
        return one.substring(one.lastIndexOf('@') + 1).equals(other.substring(other.lastIndexOf('@') + 1));
    }
}
