package io.dbsnap.errors;

/** The PostgreSQL server's version cannot take what was asked, such as a snapshot of a newer server. */
public class UnsupportedServerVersionException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    public UnsupportedServerVersionException(String message) {
        super(message);
    }
}
