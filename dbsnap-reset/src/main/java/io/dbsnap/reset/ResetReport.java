package io.dbsnap.reset;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link FastReset#reset()} did.
 *
 * @param kind              nothing, the fast path, or a full restore
 * @param tables            the tables whose rows were put back (fast path), as {@code schema.name}
 * @param sequences         the sequences set back (fast path)
 * @param materializedViews the materialized views refreshed (fast path)
 * @param fullRestoreReason why the fast path could not be taken, for a full restore
 * @param duration          how long the reset took
 */
public record ResetReport(Kind kind, List<String> tables, List<String> sequences, List<String> materializedViews,
                          Optional<String> fullRestoreReason, Duration duration) {

    /** How the database was put back. */
    public enum Kind {
        /** Nothing had changed. */
        NOTHING,
        /** Only what changed was put back, in one transaction. */
        FAST,
        /** The structure had changed (or the fast path failed): the snapshot was restored in full. */
        FULL
    }

    public ResetReport {
        Objects.requireNonNull(kind, "kind");
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        materializedViews = List.copyOf(materializedViews);
        Objects.requireNonNull(fullRestoreReason, "fullRestoreReason");
        Objects.requireNonNull(duration, "duration");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NOTHING -> "nothing to reset (" + duration.toMillis() + " ms)";
            case FAST -> "reloaded " + tables + ", set back " + sequences
                    + (materializedViews.isEmpty() ? "" : ", refreshed " + materializedViews)
                    + " (" + duration.toMillis() + " ms)";
            case FULL -> "full restore because " + fullRestoreReason.orElse("?") + " (" + duration.toMillis() + " ms)";
        };
    }
}
