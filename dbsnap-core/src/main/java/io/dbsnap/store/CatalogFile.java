package io.dbsnap.store;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.errors.SnapshotCorruptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Reads a snapshot's {@code .catalog.json} and believes it only when it is the file that was
 * written: its SHA-256 must be the {@code schema_fingerprint} its metadata records. The catalog
 * is what verification compares a database with, so an edited one would make dbsnap report the
 * live database as changed, or as unchanged, for a difference the file made up.
 */
final class CatalogFile {

    private CatalogFile() {
    }

    /**
     * @param metadata read only once the catalog file was found, so that a snapshot without one
     *                 needs no metadata to say so
     * @throws SnapshotCorruptException when the file is not a catalog, or not the one the metadata records
     */
    static Catalog read(Path file, InputStream in, Supplier<SnapshotMetadata> metadata) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        DigestInputStream hashed = new DigestInputStream(in, digest);
        Catalog catalog;
        try {
            catalog = CatalogJson.read(hashed);
        } catch (SnapshotCorruptException e) {
            throw new SnapshotCorruptException("The catalog file " + file + " is damaged: " + e.getMessage(), e);
        }
        hashed.transferTo(OutputStream.nullOutputStream());
        String actual = Sha256.hex(digest);
        SnapshotMetadata expected = metadata.get();
        if (expected.schemaFingerprint().isEmpty()) {
            throw new SnapshotCorruptException("The catalog file " + file + " cannot be checked: the snapshot's "
                    + "metadata records no schema_fingerprint (dbsnap writes one with every catalog file). One of "
                    + "the two files was edited or replaced; it is not used. Restore both from a copy, or take a new "
                    + "snapshot.");
        }
        if (!expected.schemaFingerprint().get().equalsIgnoreCase(actual)) {
            throw new SnapshotCorruptException("The catalog file " + file + " is not the one written with the "
                    + "snapshot: its SHA-256 is " + actual + ", the metadata's schema_fingerprint is "
                    + expected.schemaFingerprint().get() + ". It was edited or damaged, so it is not used to verify "
                    + "or diff anything; restore it from a copy, or take a new snapshot.");
        }
        return catalog;
    }
}
