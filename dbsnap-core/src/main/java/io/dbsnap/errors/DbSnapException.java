package io.dbsnap.errors;

/** The root of every exception dbsnap throws; unchecked, with subtypes a caller can act on. */
public class DbSnapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DbSnapException(String message) {
        super(message);
    }

    public DbSnapException(String message, Throwable cause) {
        super(message, cause);
    }
}
