package io.dbsnap.store;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.errors.SnapshotNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of snapshots. Each is a SQL file, {@code {yyyyMMdd_HHmmss}_{label}.sql} or
 * {@code .sql.gz}, with its metadata beside it in {@code {yyyyMMdd_HHmmss}_{label}.meta.yaml}
 * (see {@link SnapshotMetadata}). A snapshot appears only once it is completely written and synced
 * to disk; a write that fails leaves the directory as it was. A snapshot never replaces another:
 * a second one of the same label within a second is named after the next second.
 */
public final class SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final String METADATA_SUFFIX = ".meta.yaml";

    private final Path directory;
    private final Clock clock;
    /** Set when the location is a bucket ({@code s3://bucket/prefix}, see {@link BucketLocation}); null for a directory. */
    private final BucketSnapshots bucket;

    public SnapshotStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /**
     * @param directory a directory, or a bucket as {@code s3://bucket/prefix} (which needs the
     *                  module dbsnap-s3 on the class path)
     * @param clock     names new snapshots, and tells a bucket's abandoned uploads
     */
    public SnapshotStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.bucket = BucketLocation.of(directory).map(b -> new BucketSnapshots(b.open(), directory, clock))
                .orElse(null);
    }

    /** Where the snapshots are, as people write it: the directory, or {@code s3://bucket/prefix}. */
    public String location() {
        return bucket != null ? bucket.location() : directory.toString();
    }

    /** Whether the snapshots are in a bucket rather than a directory. */
    public boolean inBucket() {
        return bucket != null;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Where the records of restores into databases ({@code restore.log}) are kept: the directory
     * itself, or for a bucket {@code ~/.dbsnap/records/BUCKET/PREFIX} on this machine (a log that
     * every restore appends to is not an object a bucket can append to safely).
     */
    public Path recordsDirectory() {
        return BucketLocation.of(directory)
                .map(b -> Path.of(System.getProperty("user.home"), ".dbsnap", "records", b.bucket()).resolve(b.prefix()))
                .orElse(directory);
    }

    /** Writes a new uncompressed snapshot; see {@link #write(String, Compression, SnapshotDetails, SnapshotContent)}. */
    public StoredSnapshot write(String label, SnapshotContent content) {
        return write(label, Compression.NONE, SnapshotDetails.none(), content);
    }

    /** Writes a new snapshot with nothing said about it; see {@link #write(String, Compression, SnapshotDetails, SnapshotContent)}. */
    public StoredSnapshot write(String label, Compression compression, SnapshotContent content) {
        return write(label, compression, SnapshotDetails.none(), content);
    }

    /**
     * Writes a new snapshot named after {@code label} and the current time (UTC, to the second),
     * with its metadata, which records {@code details}. If the content throws, nothing is added to the directory and the exception
     * propagates; an {@link IOException} arrives wrapped in a {@link DbSnapException}.
     *
     * @throws io.dbsnap.errors.InvalidLabelException before anything is written, when the label is not valid
     * @throws DbSnapException       when a snapshot of that name exists already, or writing fails
     */
    public StoredSnapshot write(String label, Compression compression, SnapshotDetails details, SnapshotContent content) {
        SnapshotName first = new SnapshotName(clock.instant(), label);
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(content, "content");
        // Two snapshots of one label in one second (a restore's safety snapshots, a test suite,
        // two jobs at once): the name is reserved before the dump, and the second write waits for
        // the next second rather than being refused after a whole dump.
        Supplier<SnapshotName> nextSecond = () -> {
            sleepUntilNextSecond();
            return new SnapshotName(clock.instant(), label);
        };
        if (bucket != null) {
            return bucket.write(first, nextSecond, compression, details, content);
        }
        NameReservations names = new NameReservations(directory, first, nextSecond);
        return new SnapshotWriter(directory).write(names, compression, details, content);
    }

    private void sleepUntilNextSecond() {
        try {
            Thread.sleep(1000 - clock.millis() % 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbSnapException("Interrupted while waiting to name a snapshot", e);
        }
    }

    /**
     * The snapshots in the directory ({@code .sql} and {@code .sql.gz} files), newest first; an
     * absent directory holds none. A snapshot whose metadata is missing or damaged is listed too:
     * {@link #entries()} tells which.
     */
    public List<StoredSnapshot> list() {
        if (bucket != null) {
            return bucket.list();
        }
        List<StoredSnapshot> snapshots = new ArrayList<>();
        for (Found found : scan()) {
            found.sqlFile().ifPresent(snapshots::add);
        }
        return snapshots;
    }

    /**
     * The listing for people: every snapshot, newest first, numbered from 1, with its metadata;
     * one whose metadata is missing or unreadable, and metadata whose SQL file is missing, are
     * listed as damaged (with what is wrong) rather than failing the listing.
     */
    public List<SnapshotInfo> entries() {
        if (bucket != null) {
            return bucket.entries();
        }
        List<SnapshotInfo> entries = new ArrayList<>();
        for (Found found : scan()) {
            int index = entries.size() + 1;
            if (found.sqlFile().isEmpty()) {
                entries.add(new SnapshotInfo(index, found.name(), Optional.empty(), Optional.empty(), Optional.of(
                        "its SQL file is missing; only " + found.name().metadataFileName() + " is left")));
                continue;
            }
            StoredSnapshot snapshot = found.sqlFile().get();
            entries.add(SnapshotInfo.checked(index, snapshot, "SQL file", this::metadata));
        }
        return entries;
    }

    /**
     * Picks one snapshot, the way people name it: {@code latest} (the newest), an index of
     * {@link #entries()} ({@code 1} is the newest; a label made of digits only is picked by its
     * file name instead), a file name ({@code 20260304_050607_pre_migration.sql}, with or without
     * the extension), or a label (the newest snapshot with it).
     *
     * @throws SnapshotNotFoundException when nothing in the directory matches, saying what does
     * @throws SnapshotCorruptException  when the entry picked by index is damaged
     */
    public StoredSnapshot find(String reference) {
        if (reference == null || reference.isBlank()) {
            throw notFound(reference, "no snapshot was named");
        }
        if (reference.equals("latest") && bucket != null) {
            return bucket.latest().orElseThrow(() -> notFound(reference, "the bucket holds no snapshot"));
        }
        if (reference.equals("latest")) {
            return list().stream().findFirst().orElseThrow(() -> notFound(reference, "the directory holds no snapshot"));
        }
        // reads every metadata file, to tell damaged entries: not needed for latest
        List<SnapshotInfo> entries = entries();
        if (reference.chars().allMatch(Character::isDigit)) {
            return byIndex(reference, entries);
        }
        String baseName = reference.replaceFirst("(\\.sql\\.gz|\\.sql|\\.meta\\.yaml|\\.catalog\\.json)$", "");
        for (SnapshotInfo entry : entries) {
            if (entry.name().baseName().equals(baseName) || entry.label().equals(reference)) {
                return entry.snapshot().orElseThrow(() -> damaged(entry));
            }
        }
        throw notFound(reference, entries.isEmpty() ? "the directory holds no snapshot"
                : "it is neither latest, an index from 1 to " + entries.size() + ", a file name nor a label there");
    }

    private StoredSnapshot byIndex(String reference, List<SnapshotInfo> entries) {
        int index;
        try {
            index = Integer.parseInt(reference);
        } catch (NumberFormatException e) {
            index = 0;
        }
        if (index < 1 || index > entries.size()) {
            throw notFound(reference, entries.isEmpty() ? "the directory holds no snapshot"
                    : "the listing has entries 1 to " + entries.size());
        }
        SnapshotInfo entry = entries.get(index - 1);
        if (entry.damaged()) {
            throw damaged(entry);
        }
        return entry.snapshot().orElseThrow();
    }

    private SnapshotNotFoundException notFound(String reference, String why) {
        return new SnapshotNotFoundException("No snapshot '" + reference + "' in " + location() + ": " + why
                + ". Name one as latest, by its index in the listing (1 is the newest), its file name or its label.");
    }

    private static SnapshotCorruptException damaged(SnapshotInfo entry) {
        return new SnapshotCorruptException("Snapshot " + entry.name().baseName() + " is damaged: "
                + entry.damage().orElse("it is incomplete") + ".");
    }

    /**
     * What {@code policy} would delete of this directory's snapshots, as of {@code now}; nothing is
     * deleted. Damaged entries are left out of the plan: they are neither counted nor deleted, so
     * that a cleanup never removes what it cannot read.
     */
    public CleanupPlan planCleanup(RetentionPolicy policy, Instant now) {
        List<SnapshotInfo> newestFirst = entries().stream().filter(entry -> !entry.damaged()).toList();
        List<RetentionCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            SnapshotName name = newestFirst.get(i).name();
            // Names tell only the second. Of snapshots taken in one second, the listing knows which
            // was written last; a nanosecond per place makes the policy agree with it, so that
            // "the newest" is the same snapshot in a listing and in a cleanup.
            int olderInSameSecond = (int) newestFirst.subList(i + 1, newestFirst.size()).stream()
                    .filter(other -> other.name().created().equals(name.created())).count();
            candidates.add(new RetentionCandidate(name.baseName(), name.created().plusNanos(olderInSameSecond),
                    name.label(), newestFirst.get(i).pinned(),
                    newestFirst.get(i).metadata().map(SnapshotMetadata::kind).orElse(SnapshotKind.ON_REQUEST)));
        }
        return policy.plan(candidates, now);
    }

    /**
     * Deletes the snapshots {@code policy} does not keep as of {@code now}, each with all its files.
     *
     * @return the plan that was carried out
     * @throws DbSnapException when a file cannot be deleted; the snapshots before it are gone, the
     *                         one that failed keeps its metadata, the rest are untouched
     */
    public CleanupPlan cleanup(RetentionPolicy policy, Instant now) {
        CleanupPlan plan = planCleanup(policy, now);
        Map<String, StoredSnapshot> byId = new HashMap<>();
        for (StoredSnapshot snapshot : list()) {
            byId.put(snapshot.name().baseName(), snapshot);
        }
        for (RetentionCandidate candidate : plan.deleted()) {
            StoredSnapshot snapshot = byId.get(candidate.id());
            if (snapshot != null) {
                delete(snapshot);
            }
        }
        return plan;
    }

    /**
     * Deletes a snapshot: its SQL file first, so that it leaves every listing at once, then its
     * catalog, its metadata and what was written beside it (a migration's diff).
     *
     * @throws DbSnapException when a file cannot be deleted
     */
    public void delete(StoredSnapshot snapshot) {
        if (bucket != null) {
            bucket.delete(snapshot);
            return;
        }
        List<Path> files = new ArrayList<>(List.of(snapshot.sqlFile(), snapshot.catalogFile(), snapshot.metadataFile()));
        StoredSnapshot.ATTACHMENTS.forEach(suffix -> files.add(snapshot.attachment(suffix)));
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new DbSnapException("Could not delete " + file + " of snapshot " + snapshot.name().baseName() + ": "
                        + e + ". Check the directory's permissions; the snapshot's other files are as they were.", e);
            }
        }
        LOG.info("Deleted snapshot {}", snapshot.name().baseName());
    }

    /**
     * Writes {@code text} (UTF-8) beside {@code snapshot}, as {@link StoredSnapshot#attachment(String)}
     * names it; deleting the snapshot deletes it too.
     *
     * @return the file written
     * @throws DbSnapException when it cannot be written, or a file of that name exists (it is kept)
     */
    public Path attach(StoredSnapshot snapshot, String suffix, String text) {
        if (bucket != null) {
            return bucket.attach(snapshot, suffix, text);
        }
        Path target = snapshot.attachment(suffix);
        new SnapshotWriter(directory).writeBeside(target, text.getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /** A snapshot's name found in the directory, by its SQL file or by its metadata file alone. */
    private record Found(SnapshotName name, Optional<StoredSnapshot> sqlFile, FileTime written) {
    }

    /**
     * Whether {@code fileName} is a migration's down migration written beside the snapshot after
     * it ({@link StoredSnapshot#DOWN_MIGRATION}), not a snapshot: that snapshot's metadata is
     * there and the file has none of its own (a snapshot labelled {@code ..._down} has).
     */
    private boolean isDownMigration(String fileName) {
        if (!fileName.endsWith(StoredSnapshot.DOWN_MIGRATION)) {
            return false;
        }
        String base = fileName.substring(0, fileName.length() - StoredSnapshot.DOWN_MIGRATION.length());
        String own = fileName.substring(0, fileName.length() - ".sql".length());
        return Files.exists(directory.resolve(base + METADATA_SUFFIX)) && !Files.exists(directory.resolve(own + METADATA_SUFFIX));
    }

    private List<Found> scan() {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        Map<SnapshotName, Found> byName = new HashMap<>();
        List<Path> metadataFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{sql,sql.gz,meta.yaml}")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(METADATA_SUFFIX)) {
                    metadataFiles.add(file);
                    continue;
                }
                if (isDownMigration(fileName)) {
                    continue;
                }
                Optional<SnapshotName> name = SnapshotName.parseFileName(fileName);
                Optional<BasicFileAttributes> attributes = name.isPresent() ? attributesOf(file) : Optional.empty();
                if (attributes.isPresent()) {
                    StoredSnapshot snapshot = new StoredSnapshot(name.get(), file, attributes.get().size());
                    Found f = new Found(name.get(), Optional.of(snapshot), attributes.get().lastModifiedTime());
                    found.add(f);
                    byName.put(name.get(), f);
                }
            }
            for (Path file : metadataFiles) {
                String fileName = file.getFileName().toString();
                String sqlFileName = fileName.substring(0, fileName.length() - METADATA_SUFFIX.length()) + ".sql";
                Optional<SnapshotName> name = SnapshotName.parseFileName(sqlFileName);
                Optional<BasicFileAttributes> attributes = name.isPresent() ? attributesOf(file) : Optional.empty();
                if (attributes.isPresent() && !byName.containsKey(name.get())) {
                    found.add(new Found(name.get(), Optional.empty(), attributes.get().lastModifiedTime()));
                }
            }
        } catch (IOException e) {
            throw new DbSnapException("Could not list snapshots in " + directory + ": " + e, e);
        }
        // names tell the second; of two snapshots in one second, the one written last is newer
        found.sort(Comparator.comparing((Found f) -> f.name().created())
                .thenComparing(Found::written)
                .thenComparing(f -> f.name().label())
                .thenComparing(f -> f.sqlFile().map(s -> s.sqlFile().getFileName().toString()).orElse("")).reversed());
        return found;
    }

    /**
     * Reads a snapshot's {@code .meta.yaml}.
     *
     * @throws SnapshotNotFoundException when the snapshot is not there at all
     * @throws SnapshotCorruptException  when its metadata file is missing or is not snapshot metadata
     * @throws DbSnapException           when its metadata file cannot be read
     */
    public SnapshotMetadata metadata(StoredSnapshot snapshot) {
        if (bucket != null) {
            return bucket.metadata(snapshot);
        }
        return MetadataFile.read(snapshot);
    }

    /**
     * Reads a snapshot's {@code .catalog.json}: the structure of what it holds, for verification
     * and diffs without a server.
     *
     * @return empty when the snapshot has no catalog file (it was written from a script, not a database)
     * @throws SnapshotCorruptException when the file is not a catalog dbsnap wrote, or not the one
     *                                  whose SHA-256 its metadata records as {@code schema_fingerprint}
     * @throws DbSnapException          when the file cannot be read
     */
    public Optional<Catalog> catalog(StoredSnapshot snapshot) {
        if (bucket != null) {
            return bucket.catalog(snapshot, () -> metadata(snapshot));
        }
        Path file = snapshot.catalogFile();
        try (InputStream in = Files.newInputStream(file)) {
            // checked against the metadata before it is believed: an edited catalog would make a
            // verification blame the live database for a difference the file made up
            return Optional.of(CatalogFile.read(file, in, () -> metadata(snapshot)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
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
        if (bucket != null) {
            // read once: checked as it streams, a mismatch found at its end (see StreamedChecksum)
            return bucket.openVerified(snapshot);
        }
        if (!Files.exists(snapshot.sqlFile())) {
            throw SnapshotVerifier.notFound(snapshot.sqlFile(), null);
        }
        if (!Files.isReadable(snapshot.sqlFile())) {
            throw new DbSnapException("Snapshot " + snapshot.sqlFile() + " cannot be read: check its permissions.");
        }
        return SnapshotVerifier.openVerified(snapshot, metadata(snapshot));
    }

    /**
     * Checks without restoring that a snapshot's SQL is exactly as written: its size and SHA-256
     * must match its metadata.
     *
     * @throws SnapshotCorruptException when they do not, or its metadata is missing or unreadable
     */
    public void verify(StoredSnapshot snapshot) {
        if (bucket != null) {
            bucket.verify(snapshot);
            return;
        }
        try (InputStream checked = openVerified(snapshot)) {
            // opening it read the whole file and compared it
        } catch (IOException e) {
            throw new DbSnapException("Could not close snapshot " + snapshot.sqlFile() + ": " + e, e);
        }
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
