package io.dbsnap.cli;

import io.dbsnap.Snapshot;
import io.dbsnap.SnapshotDirectory;
import io.dbsnap.Snapshots;
import io.dbsnap.errors.SnapshotNotFoundException;
import io.dbsnap.store.SnapshotName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a SNAPSHOT argument names: a snapshot of the directory (an index from {@code list}, a
 * label, a file name, {@code latest}), a dbsnap snapshot elsewhere given by its path, or any other
 * plain SQL file, such as one pg_dump wrote, which has no metadata to check it against.
 */
sealed interface SnapshotReference {

    /** The forms of a SNAPSHOT parameter, for the commands' help. */
    String FORMS = "latest, an index from list, a label (the newest with it), a file name, or a path to a SQL file.";

    /** A snapshot dbsnap wrote, with its metadata and checksum. */
    record Stored(SnapshotDirectory directory, Snapshot snapshot) implements SnapshotReference {
    }

    /** A SQL file without dbsnap's metadata: restorable, not verifiable. */
    record PlainFile(Path file) implements SnapshotReference {
    }

    /**
     * @throws SnapshotNotFoundException when the directory holds no such snapshot and no such file exists
     */
    static SnapshotReference resolve(String reference, Path directory) {
        boolean pathLike = reference.contains("/") || reference.contains(java.io.File.separator);
        if (!pathLike) {
            try {
                return inDirectory(Snapshots.in(directory), reference);
            } catch (SnapshotNotFoundException e) {
                // a file in the working directory, named without a path
                if (!Files.isRegularFile(Path.of(reference))) {
                    throw e;
                }
            }
        }
        Path file = Path.of(reference);
        if (!Files.isRegularFile(file)) {
            throw new SnapshotNotFoundException("No file " + file + ": name a snapshot of " + directory
                    + " (latest, an index from dbsnap list, a label or a file name) or the path of a SQL file.");
        }
        return ofFile(file);
    }

    /** A file that is a dbsnap snapshot (its name and metadata beside it) is one, wherever it lies. */
    private static SnapshotReference ofFile(Path file) {
        String fileName = file.getFileName().toString();
        Optional<SnapshotName> name = SnapshotName.parseFileName(fileName);
        if (name.isPresent() && Files.isRegularFile(file.resolveSibling(name.get().metadataFileName()))) {
            Path parent = file.toAbsolutePath().getParent();
            return inDirectory(Snapshots.in(parent), fileName);
        }
        return new PlainFile(file);
    }

    private static Stored inDirectory(SnapshotDirectory directory, String reference) {
        return new Stored(directory, directory.get(reference));
    }
}
