package io.dbsnap.diff;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One object that is only in the second catalog, only in the first, or in both but different.
 *
 * @param action      added, removed or changed
 * @param subject     the object
 * @param differences for a changed object, each aspect that differs; empty for added and removed ones
 * @param risks       why this change can lose data or break callers; empty for a safe change
 */
public record Change(Action action, Subject subject, List<Difference> differences, List<Risk> risks) {

    /** What happened to the object between the first catalog and the second. */
    public enum Action {
        ADDED('+'), REMOVED('-'), CHANGED('~');

        private final char marker;

        Action(char marker) {
            this.marker = marker;
        }

        /** {@code +}, {@code -} or {@code ~}, as reports mark a change. */
        public char marker() {
            return marker;
        }

        /** {@code added}, {@code removed} or {@code changed}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        differences = List.copyOf(differences);
        risks = List.copyOf(risks);
        if (action == Action.CHANGED && differences.isEmpty()) {
            throw new IllegalArgumentException(subject + " is reported changed, so something about it must differ");
        }
    }

    /** Whether the change can lose data or break callers. */
    public boolean isRisky() {
        return !risks.isEmpty();
    }

    /** {@code ~ column app.users.age}: the marker and the object. */
    @Override
    public String toString() {
        return action.marker() + " " + subject;
    }
}
