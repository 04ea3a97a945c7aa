package io.dbsnap.errors;

/** A snapshot that was asked for is not there: its file was deleted, moved or never written. */
public class SnapshotNotFoundException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    public SnapshotNotFoundException(String message) {
        super(message);
    }

    public SnapshotNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
