package io.dbsnap.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The few operations a snapshot store needs of object storage (an S3 bucket under a prefix): list
 * the objects, stream one out, stream one in that appears only when committed, put and delete
 * small objects, and find the uploads that were started and never finished. Names are relative to
 * the store's location ({@code 20260304_050607_nightly.sql.gz}, {@code latest}). A directory needs
 * none of this: {@link SnapshotStore} writes files itself (temporary file, sync, hard link).
 *
 * <p>Implementations come from {@link ObjectStorageProvider}s found by {@link java.util.ServiceLoader};
 * the module {@code dbsnap-s3} holds the one for {@code s3://}. An implementation never puts
 * credentials in what it returns or throws.
 */
public interface ObjectStorage {

    /** Where the objects are, for messages: {@code s3://bucket/prefix}; never a credential. */
    String location();

    /** The objects directly under the location, in no particular order. */
    List<StoredObject> list() throws IOException;

    /** The object's content, streamed as it is read; empty when there is no object of that name. */
    Optional<InputStream> open(String name) throws IOException;

    /**
     * Starts writing an object from a stream: nothing appears under {@code name} until
     * {@link ObjectUpload#commit()}, and {@link ObjectUpload#abort()} leaves nothing behind.
     */
    ObjectUpload create(String name) throws IOException;

    /** Writes a small object whole, in one request: it appears complete or not at all, replacing one of that name. */
    void put(String name, byte[] content) throws IOException;

    /** Deletes an object; one that is not there is no error. */
    void delete(String name) throws IOException;

    /** The uploads started under the location and neither committed nor aborted (a writer killed mid-way). */
    List<PendingUpload> pendingUploads() throws IOException;

    /** Throws away what a pending upload stored. */
    void abort(PendingUpload upload) throws IOException;
}
