package io.dbsnap.testkit;

/**
 * No PostgreSQL server could be provided: no URL was given and no usable server binaries were
 * found, or a server was found but could not be started or reached.
 */
public class PostgresUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PostgresUnavailableException(String message) {
        super(message);
    }

    public PostgresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
