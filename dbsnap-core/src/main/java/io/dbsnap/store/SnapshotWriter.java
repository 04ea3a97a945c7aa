package io.dbsnap.store;

import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.errors.DbSnapException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one snapshot into a store's directory so that it appears complete or not at all.
 *
 * <p>The SQL and the metadata are written to hidden temporary files and synced to disk. Then the
 * metadata is published under its final name, then the SQL file. The metadata's name is shared by
 * the {@code .sql} and {@code .sql.gz} forms of a name, so publishing it first claims the name for
 * either; a SQL file never appears without its metadata. A failure at any point removes whatever
 * this write added.
 */
final class SnapshotWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);

    private final Path directory;

    SnapshotWriter(Path directory) {
        this.directory = directory;
    }

    StoredSnapshot write(NameReservations names, Compression compression, SnapshotDetails details,
                         SnapshotContent content) {
        SnapshotName name = names.first();
        // a link counts as there: never removed, even when it leads nowhere
        boolean directoryExisted = Files.exists(directory, LinkOption.NOFOLLOW_LINKS);
        List<Path> temporary = new ArrayList<>();
        boolean published = false;
        NameReservations.Reservation reservation = null;
        try {
            PrivateFiles.createDirectories(directory);
            StaleFiles.remove(directory);
            // claimed before a possibly long dump rather than found taken after it; publishing
            // (which never replaces a file) still decides
            reservation = names.reserve(this::isTaken);
            name = reservation.name();
            Path sqlFile = directory.resolve(name.sqlFileName(compression));
            Path metadataFile = directory.resolve(name.metadataFileName());
            Path catalogFile = directory.resolve(name.catalogFileName());

            Path sqlTemp = createTemp(temporary, ".sql");
            SnapshotFacts facts;
            SqlFileOutput.Stored stored;
            try (SqlFileOutput out = new SqlFileOutput(sqlTemp, compression)) {
                facts = writeContent(name, content, out);
                stored = out.finish();
            }

            Optional<Path> catalogTemp = Optional.empty();
            if (facts.catalog().isPresent()) {
                catalogTemp = Optional.of(createTemp(temporary, ".catalog.json"));
                writeSynced(catalogTemp.get(), CatalogJson.toJson(facts.catalog().get()).getBytes(StandardCharsets.UTF_8));
            }
            SnapshotMetadata metadata = new SnapshotMetadata(name.label(), details, name.created(), facts.type(),
                    compression == Compression.GZIP, stored.sizeBytes(), stored.sha256(), facts.serverVersion(),
                    DbsnapVersion.current(), facts.catalog().map(CatalogJson::fingerprint),
                    facts.catalog().map(ObjectCounts::of), Optional.of(facts.scope()), facts.tables(),
                    facts.access());
            Path metadataTemp = createTemp(temporary, ".meta.yaml");
            writeSynced(metadataTemp, MetadataFile.toYaml(metadata));

            // the SQL file last: a snapshot is listed once it is there, so all else must be already
            List<Path> publishedFiles = new ArrayList<>();
            try {
                if (catalogTemp.isPresent()) {
                    publish(catalogTemp.get(), catalogFile);
                    publishedFiles.add(catalogFile);
                }
                publish(metadataTemp, metadataFile);
                publishedFiles.add(metadataFile);
                publish(sqlTemp, sqlFile);
            } catch (IOException | RuntimeException | Error e) {
                publishedFiles.forEach(f -> unpublish(f, e));
                throw e;
            }
            published = true;
            LOG.info("Wrote snapshot {} ({}, SHA-256 {})", sqlFile, metadata.size(), metadata.sha256());
            return new StoredSnapshot(name, sqlFile, stored.sizeBytes());
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(name, e);
        } catch (IOException e) {
            throw notWritten(name, e);
        } finally {
            temporary.forEach(SnapshotWriter::deleteTemporary);
            if (reservation != null) {
                reservation.close();
            }
            if (!published && !directoryExisted) {
                deleteIfEmpty(directory);
            }
        }
    }

    /**
     * Writes a small file beside a snapshot so that it appears complete or not at all, and never
     * replaces a file of that name.
     */
    void writeBeside(Path target, byte[] content) {
        List<Path> temporary = new ArrayList<>();
        try {
            Path temp = createTemp(temporary, ".tmp");
            writeSynced(temp, content);
            publish(temp, target);
        } catch (IOException e) {
            throw new DbSnapException("Could not write " + target + ": " + e + ". Check the directory's space and"
                    + " permissions.", e);
        } finally {
            temporary.forEach(SnapshotWriter::deleteTemporary);
        }
    }

    /** Runs the content; its own I/O failures are reported here, so none is taken for a name clash. */
    private SnapshotFacts writeContent(SnapshotName name, SnapshotContent content, SqlFileOutput out) {
        SnapshotFacts facts;
        try {
            facts = content.writeTo(out.stream());
        } catch (IOException e) {
            throw notWritten(name, e);
        }
        if (facts == null) {
            throw new DbSnapException("The content of snapshot " + name.baseName() + " returned no SnapshotFacts; it "
                    + "must say what it wrote (type, server version, tables). Nothing was added to " + directory
                    + ".");
        }
        return facts;
    }

    private static List<String> names(SnapshotName name) {
        return List.of(name.catalogFileName(), name.metadataFileName(), name.sqlFileName(Compression.NONE),
                name.sqlFileName(Compression.GZIP));
    }

    boolean isTaken(SnapshotName name) {
        return names(name).stream().anyMatch(fileName -> Files.exists(directory.resolve(fileName)));
    }

    private DbSnapException alreadyExists(SnapshotName name, FileAlreadyExistsException cause) {
        return new DbSnapException("A snapshot named " + name.baseName() + " already exists in " + directory + " ("
                + Path.of(cause.getFile()).getFileName() + "); it was left as it is. Take the snapshot again a second "
                + "later or with another label.", cause);
    }

    private DbSnapException notWritten(SnapshotName name, IOException e) {
        return new DbSnapException("Could not write snapshot " + name.baseName() + " to " + directory + ": " + e
                + ". Nothing was added to the directory.", e);
    }

    private Path createTemp(List<Path> temporary, String suffix) throws IOException {
        Path temp = Files.createTempFile(directory, StaleFiles.tempPrefix(), suffix);
        temporary.add(temp);
        return temp;
    }

    /**
     * Gives a complete file its final name in one step that fails if the name is taken: a hard
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

    /** Takes back a file this write published when its SQL file could not follow. */
    private static void unpublish(Path file, Throwable failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
            LOG.error("Could not remove {} after its SQL file failed to appear; delete it by hand, it describes no "
                    + "snapshot", file, e);
        }
    }

    /** Writes a (temporary) file's bytes and syncs them to disk. */
    private static void writeSynced(Path file, byte[] content) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    private static void deleteTemporary(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // hidden, it never shows up as a snapshot; still, say where it is
            LOG.warn("Could not remove the temporary file {}; it can be deleted", temp, e);
        }
    }

    /** A directory this write created stays only if the snapshot does. */
    private static void deleteIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // not empty (someone else wrote there meanwhile) or not ours to remove: leave it
        }
    }
}
