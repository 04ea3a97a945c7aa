package io.dbsnap.store;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.errors.SnapshotNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot store in object storage (a bucket under a prefix), with the directory's guarantees
 * kept by other means, since a bucket has neither rename nor hard links:
 * <ul>
 *   <li>the SQL is uploaded while it is dumped (multipart, one part in memory at a time), then its
 *       {@code catalog.json}, then its {@code meta.yaml} <em>last</em>: the metadata is the commit
 *       marker. A listing shows a snapshot only with its metadata; data without metadata is an
 *       upload that did not finish, reported as incomplete;</li>
 *   <li>a dump that fails aborts its upload, which leaves nothing behind. An upload whose writer was
 *       killed stays pending in the bucket: the next write aborts pending uploads, and removes data
 *       without metadata, once they are older than {@link #ABANDONED} (a dump can take hours);</li>
 *   <li>reads stream from the object and are checked against the metadata as they go
 *       ({@link StreamedChecksum}); the object is downloaded once;</li>
 *   <li>a small object {@code latest} names the newest snapshot, rewritten after each one: the
 *       reference {@code latest} resolves through it.</li>
 * </ul>
 */
final class BucketSnapshots {

    /** Uploads and data without metadata older than this are a writer's leftovers, not a dump still running. */
    static final Duration ABANDONED = Duration.ofDays(1);
    /** The pointer object naming the newest snapshot by its base name. */
    static final String LATEST = "latest";
    private static final Logger LOG = LoggerFactory.getLogger(BucketSnapshots.class);
    private static final String METADATA_SUFFIX = ".meta.yaml";

    private final ObjectStorage storage;
    private final Path directory;
    private final Clock clock;

    /**
     * @param directory the location as a path ({@code s3:/bucket/prefix}): snapshots are named by
     *                  paths under it, as in a directory, for the code that shows their file names
     */
    BucketSnapshots(ObjectStorage storage, Path directory, Clock clock) {
        this.storage = storage;
        this.directory = directory;
        this.clock = clock;
    }

    String location() {
        return storage.location();
    }

    private String shown(String name) {
        return storage.location() + "/" + name;
    }

    private String name(Path file) {
        return file.getFileName().toString();
    }

    // ---------------------------------------------------------------- writing

    StoredSnapshot write(SnapshotName first, Supplier<SnapshotName> nextSecond, Compression compression,
                         SnapshotDetails details, SnapshotContent content) {
        SnapshotName name = first;
        try {
            removeAbandoned();
            name = freeName(first, nextSecond);
        } catch (IOException e) {
            throw notWritten(name, e, "nothing was written");
        }
        String sqlName = name.sqlFileName(compression);
        SnapshotFacts facts;
        SqlFileOutput.Stored stored;
        try (ObjectUpload upload = storage.create(sqlName)) {
            try (SqlFileOutput out = new SqlFileOutput(upload, compression)) {
                facts = writeContent(name, content, out);
                stored = out.finish();
            }
            upload.commit();
        } catch (IOException e) {
            throw notWritten(name, e, "its upload was aborted and nothing was added to the bucket");
        }
        // closing the upload aborted it on any other failure, an Error too

        List<String> published = new ArrayList<>(List.of(sqlName));
        try {
            Optional<String> fingerprint = Optional.empty();
            if (facts.catalog().isPresent()) {
                byte[] catalog = CatalogJson.toJson(facts.catalog().get()).getBytes(StandardCharsets.UTF_8);
                storage.put(name.catalogFileName(), catalog);
                published.add(name.catalogFileName());
                fingerprint = facts.catalog().map(CatalogJson::fingerprint);
            }
            SnapshotMetadata metadata = new SnapshotMetadata(name.label(), details, name.created(), facts.type(),
                    compression == Compression.GZIP, stored.sizeBytes(), stored.sha256(), facts.serverVersion(),
                    DbsnapVersion.current(), fingerprint, facts.catalog().map(ObjectCounts::of),
                    Optional.of(facts.scope()), facts.tables(), facts.access());
            // the commit marker: the snapshot exists from here on
            storage.put(name.metadataFileName(), MetadataFile.toYaml(metadata));
            LOG.info("Wrote snapshot {} ({}, SHA-256 {})", shown(sqlName), metadata.size(), metadata.sha256());
        } catch (IOException e) {
            published.forEach(object -> unpublish(object, e));
            throw notWritten(name, e, "what was uploaded was deleted again");
        } catch (RuntimeException | Error e) {
            published.forEach(object -> unpublish(object, e));
            throw e;
        }
        pointLatestAt(Optional.of(name.baseName()));
        return new StoredSnapshot(name, directory.resolve(sqlName), stored.sizeBytes());
    }

    private SnapshotFacts writeContent(SnapshotName name, SnapshotContent content, SqlFileOutput out)
            throws IOException {
        SnapshotFacts facts = content.writeTo(out.stream());
        if (facts == null) {
            throw new DbSnapException("The content of snapshot " + name.baseName() + " returned no SnapshotFacts; it "
                    + "must say what it wrote (type, server version, tables). Nothing was added to "
                    + storage.location() + ".");
        }
        return facts;
    }

    /** The first name from {@code first} on that no object and no pending upload uses. */
    private SnapshotName freeName(SnapshotName first, Supplier<SnapshotName> nextSecond) throws IOException {
        Set<String> used = new HashSet<>();
        storage.list().forEach(o -> used.add(o.name()));
        storage.pendingUploads().forEach(u -> used.add(u.name()));
        SnapshotName name = first;
        while (List.of(name.metadataFileName(), name.catalogFileName(), name.sqlFileName(Compression.NONE),
                name.sqlFileName(Compression.GZIP)).stream().anyMatch(used::contains)) {
            SnapshotName next = nextSecond.get();
            if (next.equals(name)) {
                throw new DbSnapException("A snapshot named " + name.baseName() + " already exists in "
                        + storage.location() + "; it was left as it is. Take the snapshot again a second later or "
                        + "with another label.");
            }
            name = next;
        }
        return name;
    }

    /**
     * Aborts the pending uploads and deletes the data without metadata that writers killed mid-way
     * left, once older than {@link #ABANDONED}. Metadata is never looked past: an object of a
     * snapshot whose {@code meta.yaml} is there is never touched.
     */
    private void removeAbandoned() throws IOException {
        Instant before = clock.instant().minus(ABANDONED);
        Set<String> committed = new HashSet<>();
        List<StoredObject> objects = storage.list();
        for (StoredObject object : objects) {
            if (object.name().endsWith(METADATA_SUFFIX)) {
                committed.add(object.name().substring(0, object.name().length() - METADATA_SUFFIX.length()));
            }
        }
        for (PendingUpload upload : storage.pendingUploads()) {
            if (upload.initiated().isBefore(before) && !committed.contains(baseOf(upload.name()))) {
                storage.abort(upload);
                LOG.info("Aborted the upload of {}, begun {} by a snapshot write that did not finish",
                        shown(upload.name()), upload.initiated());
            }
        }
        for (StoredObject object : objects) {
            Optional<SnapshotName> name = snapshotNameOf(object.name());
            if (name.isPresent() && object.modified().isBefore(before) && !committed.contains(name.get().baseName())
                    && !isAttachment(object.name(), committed)) {
                storage.delete(object.name());
                LOG.info("Deleted {}, data without metadata left by a snapshot write that did not finish",
                        shown(object.name()));
            }
        }
    }

    private static String baseOf(String objectName) {
        return objectName.replaceFirst("(\\.sql\\.gz|\\.sql|\\.meta\\.yaml|\\.catalog\\.json)$", "");
    }

    private static Optional<SnapshotName> snapshotNameOf(String objectName) {
        if (objectName.endsWith(".catalog.json")) {
            return SnapshotName.parseFileName(baseOf(objectName) + ".sql");
        }
        return SnapshotName.parseFileName(objectName);
    }

    /** A migration's files written beside the snapshot after it ({@link StoredSnapshot#ATTACHMENTS}). */
    private static boolean isAttachment(String objectName, Set<String> committed) {
        for (String suffix : StoredSnapshot.ATTACHMENTS) {
            if (objectName.endsWith(suffix)) {
                String base = objectName.substring(0, objectName.length() - suffix.length());
                String own = baseOf(objectName);
                if (committed.contains(base) && !committed.contains(own)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void unpublish(String object, Throwable failure) {
        try {
            storage.delete(object);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            LOG.error("Could not delete {} after its snapshot failed to be published; it has no metadata, so it is "
                    + "listed as incomplete, and the next write removes it after {}", shown(object), ABANDONED);
        }
    }

    /** Rewrites the {@code latest} pointer; a failure is logged: the snapshot itself is published. */
    private void pointLatestAt(Optional<String> baseName) {
        try {
            if (baseName.isPresent()) {
                storage.put(LATEST, (baseName.get() + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                storage.delete(LATEST);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not update {}: {}. The reference latest falls back to the newest snapshot listed",
                    shown(LATEST), e.toString());
        }
    }

    // ---------------------------------------------------------------- listing

    /** A snapshot's objects as found by one listing. */
    private record Found(SnapshotName name, Optional<StoredObject> sql, Optional<StoredObject> metadata) {

        Instant written() {
            return metadata.or(() -> sql).map(StoredObject::modified).orElse(Instant.EPOCH);
        }
    }

    private List<Found> scan() {
        List<StoredObject> objects;
        try {
            objects = storage.list();
        } catch (IOException e) {
            throw new DbSnapException("Could not list snapshots in " + storage.location() + ": " + e.getMessage()
                    + ". Check the bucket's name, the endpoint (DBSNAP_S3_ENDPOINT for a service other than AWS) and "
                    + "the credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ...).", e);
        }
        Map<String, StoredObject> metadata = new HashMap<>();
        for (StoredObject object : objects) {
            if (object.name().endsWith(METADATA_SUFFIX)) {
                metadata.put(object.name().substring(0, object.name().length() - METADATA_SUFFIX.length()), object);
            }
        }
        Map<String, Found> byBase = new HashMap<>();
        for (StoredObject object : objects) {
            Optional<SnapshotName> name = SnapshotName.parseFileName(object.name());
            if (name.isEmpty() || isAttachment(object.name(), metadata.keySet())) {
                continue;
            }
            String base = name.get().baseName();
            byBase.put(base, new Found(name.get(), Optional.of(object), Optional.ofNullable(metadata.get(base))));
        }
        for (Map.Entry<String, StoredObject> meta : metadata.entrySet()) {
            Optional<SnapshotName> name = SnapshotName.parseFileName(meta.getKey() + ".sql");
            if (name.isPresent() && !byBase.containsKey(meta.getKey())) {
                byBase.put(meta.getKey(), new Found(name.get(), Optional.empty(), Optional.of(meta.getValue())));
            }
        }
        List<Found> found = new ArrayList<>(byBase.values());
        // names tell the second; of two snapshots in one second, the one published last is newer
        found.sort(Comparator.comparing((Found f) -> f.name().created())
                .thenComparing(Found::written)
                .thenComparing(f -> f.name().label()).reversed());
        return found;
    }

    private StoredSnapshot snapshotOf(Found found) {
        StoredObject sql = found.sql().orElseThrow();
        return new StoredSnapshot(found.name(), directory.resolve(sql.name()), sql.sizeBytes());
    }

    /** The published snapshots (those with metadata), newest first. */
    List<StoredSnapshot> list() {
        List<StoredSnapshot> snapshots = new ArrayList<>();
        for (Found found : scan()) {
            if (found.sql().isPresent() && found.metadata().isPresent()) {
                snapshots.add(snapshotOf(found));
            }
        }
        return snapshots;
    }

    /** As {@link SnapshotStore#entries()}; data without metadata is listed as incomplete. */
    List<SnapshotInfo> entries() {
        List<SnapshotInfo> entries = new ArrayList<>();
        for (Found found : scan()) {
            int index = entries.size() + 1;
            if (found.sql().isEmpty()) {
                entries.add(new SnapshotInfo(index, found.name(), Optional.empty(), Optional.empty(), Optional.of(
                        "its data object is missing; only " + found.name().metadataFileName() + " is left")));
                continue;
            }
            StoredSnapshot snapshot = snapshotOf(found);
            if (found.metadata().isEmpty()) {
                entries.add(new SnapshotInfo(index, found.name(), Optional.of(snapshot), Optional.empty(), Optional.of(
                        "incomplete: its data has no " + METADATA_SUFFIX + " (an upload that did not finish); it is "
                                + "not a snapshot, and the next snapshot written here removes it once it is "
                                + ABANDONED.toDays() + " day old")));
                continue;
            }
            entries.add(SnapshotInfo.checked(index, snapshot, "data object", this::metadata));
        }
        return entries;
    }

    /**
     * The snapshot the {@code latest} pointer names; the newest listed when the pointer is missing
     * or names a snapshot that is gone (a pointer written by an older copy, a deletion elsewhere).
     */
    Optional<StoredSnapshot> latest() {
        List<StoredSnapshot> snapshots = list();
        Optional<String> pointer = readLatest();
        if (pointer.isPresent()) {
            for (StoredSnapshot snapshot : snapshots) {
                if (snapshot.name().baseName().equals(pointer.get())) {
                    return Optional.of(snapshot);
                }
            }
            LOG.warn("{} names {}, which is not a snapshot there; the newest listed is taken", shown(LATEST),
                    pointer.get());
        }
        return snapshots.stream().findFirst();
    }

    private Optional<String> readLatest() {
        try {
            Optional<InputStream> in = storage.open(LATEST);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream pointer = in.get()) {
                return Optional.of(new String(pointer.readNBytes(1024), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", shown(LATEST), e.toString());
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- reading

    SnapshotMetadata metadata(StoredSnapshot snapshot) {
        String name = name(snapshot.metadataFile());
        byte[] bytes;
        try {
            Optional<InputStream> in = storage.open(name);
            if (in.isEmpty()) {
                throw new SnapshotNotFoundException("Snapshot " + shown(name(snapshot.sqlFile())) + " has no metadata "
                        + shown(name) + ": it was deleted, or its upload did not finish. List the store to see the "
                        + "snapshots it holds.");
            }
            try (InputStream meta = in.get()) {
                bytes = meta.readNBytes(MetadataFile.MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new DbSnapException("Could not read " + shown(name) + ": " + e + ". Check the bucket's permissions.", e);
        }
        return MetadataFile.parse(Path.of(shown(name)), bytes);
    }

    Optional<Catalog> catalog(StoredSnapshot snapshot, Supplier<SnapshotMetadata> metadata) {
        String name = name(snapshot.catalogFile());
        try {
            Optional<InputStream> in = storage.open(name);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream catalog = in.get()) {
                return Optional.of(CatalogFile.read(Path.of(shown(name)), catalog, metadata));
            }
        } catch (IOException e) {
            throw new DbSnapException("Could not read the catalog " + shown(name) + ": " + e + ".", e);
        }
    }

    /** The SQL, decompressed, checked while it streams: see {@link StreamedChecksum}. */
    InputStream openVerified(StoredSnapshot snapshot) {
        SnapshotMetadata metadata = metadata(snapshot);
        String name = name(snapshot.sqlFile());
        if (metadata.sizeBytes() != snapshot.sizeBytes()) {
            throw new SnapshotCorruptException("Snapshot " + shown(name) + " is truncated or was changed after it was "
                    + "written: its metadata expects " + metadata.sizeBytes() + " bytes, the object has "
                    + snapshot.sizeBytes() + ". It will not be restored; restore another snapshot or take a new one.");
        }
        try {
            InputStream in = storage.open(name).orElseThrow(() -> new SnapshotNotFoundException("Snapshot "
                    + shown(name) + " does not exist: it was deleted. List the store to see the snapshots it holds."));
            return StreamedChecksum.decompressing(new StreamedChecksum(in, shown(name), metadata));
        } catch (IOException e) {
            throw new DbSnapException("Could not read snapshot " + shown(name) + ": " + e + ".", e);
        }
    }

    /** Reads the whole object once and compares its size and SHA-256 with the metadata. */
    void verify(StoredSnapshot snapshot) {
        SnapshotMetadata metadata = metadata(snapshot);
        String name = name(snapshot.sqlFile());
        try {
            InputStream in = storage.open(name).orElseThrow(() -> new SnapshotNotFoundException("Snapshot "
                    + shown(name) + " does not exist: it was deleted. List the store to see the snapshots it holds."));
            try (StreamedChecksum checked = new StreamedChecksum(in, shown(name), metadata)) {
                checked.readToEndAndCheck();
            }
        } catch (IOException e) {
            throw new DbSnapException("Could not read snapshot " + shown(name) + ": " + e + ".", e);
        }
    }

    // ---------------------------------------------------------------- deleting and attaching

    /**
     * Deletes a snapshot: its metadata first, so that it leaves every listing at once, then its
     * data, catalog and attachments; the {@code latest} pointer then names the newest left.
     */
    void delete(StoredSnapshot snapshot) {
        List<String> names = new ArrayList<>(List.of(name(snapshot.metadataFile()), name(snapshot.sqlFile()),
                name(snapshot.catalogFile())));
        StoredSnapshot.ATTACHMENTS.forEach(suffix -> names.add(name(snapshot.attachment(suffix))));
        for (String name : names) {
            try {
                storage.delete(name);
            } catch (IOException e) {
                throw new DbSnapException("Could not delete " + shown(name) + " of snapshot " + snapshot.name().baseName()
                        + ": " + e + ". Check the bucket's permissions; run the deletion again to finish it.", e);
            }
        }
        LOG.info("Deleted snapshot {} from {}", snapshot.name().baseName(), storage.location());
        if (readLatest().filter(snapshot.name().baseName()::equals).isPresent()) {
            pointLatestAt(list().stream().findFirst().map(s -> s.name().baseName()));
        }
    }

    Path attach(StoredSnapshot snapshot, String suffix, String text) {
        Path target = snapshot.attachment(suffix);
        String name = name(target);
        try {
            if (storage.list().stream().anyMatch(o -> o.name().equals(name))) {
                throw new DbSnapException("Could not write " + shown(name) + ": an object of that name exists; it was"
                        + " kept.");
            }
            storage.put(name, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DbSnapException("Could not write " + shown(name) + ": " + e + ". Check the bucket's permissions.", e);
        }
        return target;
    }

    private DbSnapException notWritten(SnapshotName name, IOException e, String outcome) {
        return new DbSnapException("Could not write snapshot " + name.baseName() + " to " + storage.location() + ": "
                + e + "; " + outcome + ".", e);
    }
}
