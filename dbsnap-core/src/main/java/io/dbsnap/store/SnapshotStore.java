package io.dbsnap.store;

import io.dbsnap.DbSnapException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A directory of snapshots. A snapshot appears under its final name only once it is completely
 * written: it is written to a hidden temporary file, synced to disk and then renamed.
 */
public final class SnapshotStore {

    /** Writes a snapshot's SQL. */
    @FunctionalInterface
    public interface SqlContent {
        void writeTo(Writer out) throws IOException;
    }

    private static final String TEMP_PREFIX = ".dbsnap-partial-";

    private final Path directory;
    private final Clock clock;

    public SnapshotStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    SnapshotStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes a new snapshot named after {@code label} and the current time.
     *
     * @throws InvalidLabelException before anything is written, when the label is not valid
     */
    public StoredSnapshot write(String label, SqlContent content) {
        SnapshotName name = new SnapshotName(clock.instant(), label);
        Path target = directory.resolve(name.sqlFileName());
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, TEMP_PREFIX, ".sql");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                         StandardCharsets.UTF_8))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            publish(temp, target);
            return new StoredSnapshot(name, target, Files.size(target));
        } catch (FileAlreadyExistsException e) {
            throw new DbSnapException("A snapshot named " + name.sqlFileName() + " already exists in " + directory
                    + "; it was left as it is. Take the snapshot again a second later or with another label.", e);
        } catch (IOException e) {
            throw new DbSnapException("Could not write snapshot " + name.sqlFileName() + " to " + directory + ": "
                    + e.getMessage() + ". Nothing was added to the directory.", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The snapshots in the directory, newest first; an absent directory holds none. */
    public List<StoredSnapshot> list() {
        List<StoredSnapshot> snapshots = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return snapshots;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.sql")) {
            for (Path file : files) {
                Optional<SnapshotName> name = SnapshotName.parseFileName(file.getFileName().toString());
                if (name.isPresent()) {
                    snapshots.add(new StoredSnapshot(name.get(), file, Files.size(file)));
                }
            }
        } catch (IOException e) {
            throw new DbSnapException("Could not list snapshots in " + directory + ": " + e.getMessage(), e);
        }
        snapshots.sort(Comparator.comparing((StoredSnapshot s) -> s.name().created())
                .thenComparing(s -> s.name().label()).reversed());
        return snapshots;
    }

    /**
     * Gives the complete file its final name in one step that fails if the name is taken: a hard
     * link (rename would silently replace an existing snapshot of the same second).
     */
    private static void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException e) {
            // a file system without hard links: check, then rename
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a leftover hidden temp file never shows up as a snapshot
        }
    }
}
