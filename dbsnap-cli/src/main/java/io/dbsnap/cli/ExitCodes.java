package io.dbsnap.cli;

/** The exit codes of {@code dbsnap}: part of its contract with scripts, so they never change. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The operation failed (connection, missing snapshot, a failed statement, ...); nothing half-done stays. */
    public static final int FAILED = 1;
    /**
     * The command line was wrong: an unknown option, a missing argument, no database URL, no --yes without a terminal,
     * no --discard-data for a schema-only restore over tables that hold rows (nothing was changed).
     */
    public static final int USAGE = 2;
    /** A verification found differences: a snapshot's checksum, or a database that differs from its snapshot. */
    public static final int DIFFERENCES = 3;
    /** Another dbsnap operation (a restore or migration) holds the database's lock, or a table stayed locked. */
    public static final int LOCKED = 4;

    private ExitCodes() {
    }
}
