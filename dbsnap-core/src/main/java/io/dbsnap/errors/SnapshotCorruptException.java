package io.dbsnap.errors;

/**
 * A snapshot is not as it was written: its SQL file is truncated or was changed (its size or
 * SHA-256 no longer match its metadata), or its metadata is missing or cannot be read. dbsnap
 * does not restore such a snapshot.
 */
public class SnapshotCorruptException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    public SnapshotCorruptException(String message) {
        super(message);
    }

    public SnapshotCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
