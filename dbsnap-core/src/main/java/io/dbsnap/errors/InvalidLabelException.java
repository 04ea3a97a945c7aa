package io.dbsnap.errors;

/** A snapshot label that could not be used as part of a file name. */
public class InvalidLabelException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    public InvalidLabelException(String message) {
        super(message);
    }
}
