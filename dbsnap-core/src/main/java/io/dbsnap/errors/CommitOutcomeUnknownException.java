package io.dbsnap.errors;

/**
 * The connection was lost while the server was committing a restore or migration: the COMMIT may
 * or may not have taken effect, and only looking at the database can tell. Never reported as
 * "rolled back", since it may not have been.
 */
public class CommitOutcomeUnknownException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
