package io.dbsnap.cli;

import io.dbsnap.errors.DbSnapException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;

/**
 * A file that appears whole or not at all: written under a hidden temporary name beside it and
 * renamed over it at the end, so that a dump that fails half-way (a lost connection, a full disk,
 * Ctrl-C) leaves no truncated file that a later {@code psql -f} would half-run, and leaves an older
 * file of that name as it was.
 */
final class AtomicFile {

    /** What writes the content; the stream is closed by {@link AtomicFile}. */
    @FunctionalInterface
    interface Content<T> {
        T writeTo(OutputStream out) throws IOException, SQLException;
    }

    private final Path target;

    AtomicFile(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    <T> T write(Content<T> content) throws SQLException {
        Path directory = target.getParent();
        if (Files.isDirectory(target)) {
            throw new DbSnapException("Could not write to " + target + ": it is a directory. Name a file in it.");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new DbSnapException("Could not write to " + target + ": the directory " + directory
                    + " does not exist. Create it first, or name a file in an existing directory.");
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new DbSnapException("Could not write to " + target + ": " + e.getMessage()
                    + ". Check that the directory is writable.", e);
        }
        boolean moved = false;
        try {
            T result;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                result = content.writeTo(out);
            }
            move(temporary);
            moved = true;
            return result;
        } catch (IOException e) {
            throw new DbSnapException("Could not write to " + target + ": " + e.getMessage()
                    + ". Nothing was changed there.", e);
        } finally {
            if (!moved) {
                // whatever failed (an Error too), the half-written file goes
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the original failure is the one to report; a leftover ".partial" is harmless
                }
            }
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
