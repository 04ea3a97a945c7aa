package io.dbsnap.restore;

import io.dbsnap.store.StoredSnapshot;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a restore of a stored snapshot did and whether the result was verified.
 *
 * @param snapshot       the snapshot restored
 * @param target         the database restored into, as {@code user@host:port/db}
 * @param emergency      whether it was an emergency rollback
 * @param safetySnapshot the snapshot of the state before, when one was taken
 * @param dropped        the drop statements run to empty the snapshot's scope first
 * @param result         what the script did
 * @param verification   how the restored database compares with the snapshot
 * @param elapsed        the whole restore, from its first check to the end of the verification:
 *                       the one duration both the {@code restore.log} and the command line show
 */
public record RestoreReport(StoredSnapshot snapshot, String target, boolean emergency,
                            Optional<StoredSnapshot> safetySnapshot, int dropped, RestoreResult result,
                            Verification verification, Duration elapsed) {

    public RestoreReport {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(safetySnapshot, "safetySnapshot");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** A report whose duration is the script's own, until the whole restore's is known. */
    public RestoreReport(StoredSnapshot snapshot, String target, boolean emergency,
                         Optional<StoredSnapshot> safetySnapshot, int dropped, RestoreResult result,
                         Verification verification) {
        this(snapshot, target, emergency, safetySnapshot, dropped, result, verification, result.elapsed());
    }

    /** This report with {@code duration} as the whole restore's. */
    RestoreReport measured(Duration duration) {
        return new RestoreReport(snapshot, target, emergency, safetySnapshot, dropped, result, verification, duration);
    }
}
