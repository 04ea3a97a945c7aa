package io.dbsnap.errors;

/**
 * A lock dbsnap needs is held by someone else: a table another session is altering, or the lock
 * that lets only one dbsnap restore or migration run on a database at a time.
 */
public class LockNotAvailableException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    public LockNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
