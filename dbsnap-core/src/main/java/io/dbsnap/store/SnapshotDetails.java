package io.dbsnap.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What the person or program taking a snapshot says about it, recorded in its metadata.
 *
 * @param purpose  why it was taken, such as {@code before adding user_roles}
 * @param database where it was taken from, as {@code user@host:port/db}; never a password
 * @param notes    free-form text for whoever reads the metadata later
 * @param keep     pinned: no retention policy ever deletes it
 * @param kind     why it was taken: on request, or by dbsnap as part of a restore or migration
 */
public record SnapshotDetails(Optional<String> purpose, Optional<String> database, Optional<String> notes, boolean keep,
                              SnapshotKind kind) {

    /** The longest purpose, in characters: a line in a listing, not a document. */
    public static final int MAX_PURPOSE = 1_000;
    /** The longest database description, in characters. */
    public static final int MAX_DATABASE = 1_000;
    /** The longest notes, in characters. */
    public static final int MAX_NOTES = 10_000;

    /**
     * @throws IllegalArgumentException when a text is longer than its cap: metadata is read by
     *                                  every listing, and a huge field made listing slow
     */
    public SnapshotDetails {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(kind, "kind");
        capped(purpose, "purpose", MAX_PURPOSE);
        capped(database, "database", MAX_DATABASE);
        capped(notes, "notes", MAX_NOTES);
    }

    private static void capped(Optional<String> text, String what, int max) {
        if (text.isPresent() && text.get().length() > max) {
            throw new IllegalArgumentException("The " + what + " of a snapshot is " + text.get().length()
                    + " characters long; at most " + max + " are kept. Shorten it (a link to a longer text will do).");
        }
    }

    /** Nothing said: no purpose, database or notes, not pinned, taken on request. */
    public static SnapshotDetails none() {
        return new SnapshotDetails(Optional.empty(), Optional.empty(), Optional.empty(), false, SnapshotKind.ON_REQUEST);
    }

    public SnapshotDetails withPurpose(String purpose) {
        return new SnapshotDetails(nonBlank(purpose, "purpose"), database, notes, keep, kind);
    }

    public SnapshotDetails withDatabase(String database) {
        return new SnapshotDetails(purpose, nonBlank(database, "database"), notes, keep, kind);
    }

    public SnapshotDetails withNotes(String notes) {
        return new SnapshotDetails(purpose, database, nonBlank(notes, "notes"), keep, kind);
    }

    public SnapshotDetails pinned() {
        return new SnapshotDetails(purpose, database, notes, true, kind);
    }

    /** Taken by dbsnap as part of an operation (a restore's safety snapshot, a migration's), not on request. */
    public SnapshotDetails withKind(SnapshotKind kind) {
        return new SnapshotDetails(purpose, database, notes, keep, kind);
    }

    private static Optional<String> nonBlank(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The " + what + " of a snapshot must not be empty; leave it out instead");
        }
        return Optional.of(text);
    }
}
