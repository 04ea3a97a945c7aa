package io.dbsnap.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files of snapshot writes, {@code .dbsnap-partial-{pid}-{random}{suffix}}, and
 * their removal once their writer is gone: a process killed in the middle of a dump cannot
 * remove its own, so the next write in the directory does.
 *
 * <p>Name reservations ({@link NameReservations}) go by the same rules, their writer's pid read
 * from their content. (A reservation is not written to while its dump runs: one of a write on
 * another machine may go after a minute; its snapshot is then still never replaced, since
 * publishing refuses a name that is taken.)
 *
 * <p>A temporary file is stale when the process named in it no longer runs on this machine and
 * nothing has written to it for a minute (the minute guards a write from another machine sharing
 * the directory, whose process this one cannot see, but which keeps its file's modification time
 * fresh), or when nothing has written to it for a day, whoever wrote it.
 */
final class StaleFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StaleFiles.class);
    private static final String PREFIX = ".dbsnap-partial-";
    private static final Pattern TEMP = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final Duration ABANDONED = Duration.ofDays(1);

    private StaleFiles() {
    }

    /** The prefix of this process's temporary files. */
    static String tempPrefix() {
        return PREFIX + ProcessHandle.current().pid() + "-";
    }

    /** Removes the stale temporary files in {@code directory}; one that cannot be removed is left, with a warning. */
    static void remove(Path directory) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path file : files) {
                if (isStale(file)) {
                    delete(file);
                }
            }
        }
        // a name reservation holds its writer's pid: the same rules, read from its content
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, NameReservations.PREFIX + "*")) {
            for (Path file : files) {
                if (isStale(file, NameReservations.writerOf(file))) {
                    delete(file);
                }
            }
        }
    }

    private static boolean isStale(Path file) throws IOException {
        Matcher m = TEMP.matcher(file.getFileName().toString());
        return isStale(file, m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty());
    }

    private static boolean isStale(Path file, Optional<Long> writer) throws IOException {
        Optional<Instant> modified = lastModified(file);
        if (modified.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        boolean writerIsGone = writer.isPresent() && writerIsGone(writer.get());
        return writerIsGone && modified.get().isBefore(now.minus(QUIET)) || modified.get().isBefore(now.minus(ABANDONED));
    }

    private static boolean writerIsGone(long pid) {
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
    }

    private static Optional<Instant> lastModified(Path file) throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            LOG.info("Removed {}, left behind by a snapshot write that did not finish", file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}, left behind by a snapshot write that did not finish; it can be deleted", file, e);
        }
    }
}
