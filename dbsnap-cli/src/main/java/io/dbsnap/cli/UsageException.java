package io.dbsnap.cli;

/**
 * A command line that cannot be carried out as given, found after parsing (no database URL, no
 * confirmation possible): reported in one line with exit code {@link ExitCodes#USAGE}.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
