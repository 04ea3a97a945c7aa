package io.dbsnap.errors;

/**
 * A statement of a restore (or migration) script failed; the transaction was rolled back and the
 * database is as it was before.
 *
 * @see #statementNumber()
 */
public class RestoreFailedException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    private final int statementNumber;
    private final int line;
    private final String sqlState;

    public RestoreFailedException(String message, int statementNumber, int line, String sqlState, Throwable cause) {
        super(message, cause);
        this.statementNumber = statementNumber;
        this.line = line;
        this.sqlState = sqlState;
    }

    /** The 1-based number of the failed statement in the script; 0 when no statement failed. */
    public int statementNumber() {
        return statementNumber;
    }

    /** The 1-based line of the script where the failed statement starts; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The server's SQLSTATE, empty when the failure did not come from the server. */
    public String sqlState() {
        return sqlState;
    }
}
