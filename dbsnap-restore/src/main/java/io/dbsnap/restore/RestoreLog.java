package io.dbsnap.restore;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only {@code restore.log} of a snapshot directory: one line per restore, what was
 * restored where, how long it took and how it ended, so that "who rolled back production, and
 * to what?" has an answer. Targets are {@code user@host:port/db}; no password is ever written.
 * The file is created 0600 and never written through a symbolic link.
 */
final class RestoreLog {

    static final String FILE_NAME = "restore.log";
    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    private final Path file;

    RestoreLog(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /**
     * Refuses, before a restore starts, a log that could not be written the safe way: a symbolic
     * link (someone pointing the append at another file) or anything but a regular file.
     *
     * @throws DbSnapException saying what is there and what to do
     */
    void checkWritable() {
        if (Files.isSymbolicLink(file)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(file));
            } catch (IOException e) {
                target = "?";
            }
            throw new DbSnapException("The restore log " + file + " is a symbolic link (to " + target + "); dbsnap "
                    + "does not write through links. Remove the link (a real restore.log is created 0600); nothing "
                    + "was changed.");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new DbSnapException("The restore log " + file + " is not a regular file. Move it away; nothing was"
                    + " changed.");
        }
    }

    /**
     * Appends {@code 2026-11-21T20:30:00Z restore|emergency-rollback snapshot=... target=...
     * duration=1.234s outcome=...}.
     */
    void append(Instant time, boolean emergency, String snapshot, String target, Duration duration, String outcome) {
        String line = time.truncatedTo(ChronoUnit.SECONDS) + " " + (emergency ? "emergency-rollback" : "restore")
                + " snapshot=" + snapshot + " target=" + target + " duration=" + seconds(duration)
                + " outcome=" + outcome.replaceAll("\\s+", " ") + "\n";
        try {
            PrivateFiles.createDirectories(file.getParent());
            try (FileChannel channel = PrivateFiles.openForAppend(file)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            // the restore is done (or rolled back) whatever happens here: do not report it as failed
            LOG.error("Could not append to the restore log {}: {}. The line was: {}", file, e, line.strip());
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3fs", d.toMillis() / 1000.0);
    }
}
