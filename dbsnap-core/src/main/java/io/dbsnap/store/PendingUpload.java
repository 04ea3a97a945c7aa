package io.dbsnap.store;

import java.time.Instant;

/**
 * An upload that was started and is neither committed nor aborted (an S3 multipart upload): its
 * object's name, the storage's id for it, and when it began.
 */
public record PendingUpload(String name, String id, Instant initiated) {
}
