package io.dbsnap.store;

import io.dbsnap.DbSnapException;
import io.dbsnap.SnapshotCorruptException;
import io.dbsnap.SnapshotNotFoundException;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory of snapshots. Each is a SQL file, {@code {yyyyMMdd_HHmmss}_{label}.sql} or
 * {@code .sql.gz}, with its metadata beside it in {@code {yyyyMMdd_HHmmss}_{label}.meta.yaml}
 * (see {@link SnapshotMetadata}). A snapshot appears only once it is completely written and synced
 * to disk; a write that fails leaves the directory as it was. A snapshot never replaces another:
 * a second one of the same label within a second is named after the next second.
 */
public final class SnapshotStore {

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

    /** Writes a new uncompressed snapshot; see {@link #write(String, Compression, SnapshotContent)}. */
    public StoredSnapshot write(String label, SnapshotContent content) {
        return write(label, Compression.NONE, content);
    }

    /**
     * Writes a new snapshot named after {@code label} and the current time (UTC, to the second),
     * with its metadata. If the content throws, nothing is added to the directory and the exception
     * propagates; an {@link IOException} arrives wrapped in a {@link DbSnapException}.
     *
     * @throws InvalidLabelException before anything is written, when the label is not valid
     * @throws DbSnapException       when a snapshot of that name exists already, or writing fails
     */
    public StoredSnapshot write(String label, Compression compression, SnapshotContent content) {
        SnapshotName name = new SnapshotName(clock.instant(), label);
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(content, "content");
        SnapshotWriter writer = new SnapshotWriter(directory);
        if (writer.isTaken(name)) {
            // Two snapshots of one label in one second (a restore's safety snapshots, a test
            // suite): the second waits for the next second rather than being refused.
            sleepUntilNextSecond();
            name = new SnapshotName(clock.instant(), label);
        }
        return writer.write(name, compression, content);
    }

    private void sleepUntilNextSecond() {
        try {
            Thread.sleep(1000 - clock.millis() % 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbSnapException("Interrupted while waiting to name a snapshot", e);
        }
    }

    /** The snapshots in the directory ({@code .sql} and {@code .sql.gz}), newest first; an absent directory holds none. */
    public List<StoredSnapshot> list() {
        List<StoredSnapshot> snapshots = new ArrayList<>();
        Map<StoredSnapshot, FileTime> written = new HashMap<>();
        if (!Files.isDirectory(directory)) {
            return snapshots;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{sql,sql.gz}")) {
            for (Path file : files) {
                Optional<SnapshotName> name = SnapshotName.parseFileName(file.getFileName().toString());
                if (name.isPresent()) {
                    Optional<BasicFileAttributes> attributes = attributesOf(file);
                    if (attributes.isPresent()) {
                        StoredSnapshot snapshot = new StoredSnapshot(name.get(), file, attributes.get().size());
                        snapshots.add(snapshot);
                        written.put(snapshot, attributes.get().lastModifiedTime());
                    }
                }
            }
        } catch (IOException e) {
            throw new DbSnapException("Could not list snapshots in " + directory + ": " + e, e);
        }
        // names tell the second; of two snapshots in one second, the one written last is newer
        snapshots.sort(Comparator.comparing((StoredSnapshot s) -> s.name().created())
                .thenComparing(written::get)
                .thenComparing(s -> s.name().label())
                .thenComparing(s -> s.sqlFile().getFileName().toString()).reversed());
        return snapshots;
    }

    /**
     * Reads a snapshot's {@code .meta.yaml}.
     *
     * @throws SnapshotNotFoundException when the snapshot is not there at all
     * @throws SnapshotCorruptException  when its metadata file is missing or is not snapshot metadata
     * @throws DbSnapException           when its metadata file cannot be read
     */
    public SnapshotMetadata metadata(StoredSnapshot snapshot) {
        return MetadataFile.read(snapshot);
    }

    /**
     * Reads a snapshot's {@code .catalog.json}: the structure of what it holds, for verification
     * and diffs without a server.
     *
     * @return empty when the snapshot has no catalog file (it was written from a script, not a database)
     * @throws SnapshotCorruptException when the file is not a catalog dbsnap wrote
     * @throws DbSnapException          when the file cannot be read
     */
    public Optional<Catalog> catalog(StoredSnapshot snapshot) {
        Path file = snapshot.catalogFile();
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(CatalogJson.read(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (SnapshotCorruptException e) {
            throw new SnapshotCorruptException("The catalog file " + file + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DbSnapException("Could not read the catalog file " + file + ": " + e
                    + ". Check that the file is readable.", e);
        }
    }

    /**
     * Opens a snapshot's SQL for reading, after checking that the file is exactly as it was
     * written: its size and SHA-256 must match its metadata. A {@code .sql.gz} file (recognised by
     * its gzip header) is decompressed. The caller closes the stream.
     *
     * @throws SnapshotNotFoundException when the SQL file is not there
     * @throws SnapshotCorruptException  when the file is truncated or changed, or its metadata is
     *                                   missing or unreadable
     */
    public InputStream openVerified(StoredSnapshot snapshot) {
        if (!Files.exists(snapshot.sqlFile())) {
            throw SnapshotVerifier.notFound(snapshot.sqlFile(), null);
        }
        if (!Files.isReadable(snapshot.sqlFile())) {
            throw new DbSnapException("Snapshot " + snapshot.sqlFile() + " cannot be read: check its permissions.");
        }
        return SnapshotVerifier.openVerified(snapshot, metadata(snapshot));
    }

    /** Empty when the file went away between listing and looking, as when another process prunes. */
    private static Optional<BasicFileAttributes> attributesOf(Path file) throws IOException {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
