package io.dbsnap.reset;

import io.dbsnap.diff.Change;
import io.dbsnap.diff.DataChange;
import io.dbsnap.diff.DiffReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a database under {@link FastReset} compares with its captured state ({@link FastReset#verify()}).
 *
 * @param diff           the snapshot against the database as {@link io.dbsnap.diff.SchemaDiff} sees
 *                       them: the structure, and each table's rows (count and digest, see
 *                       {@link io.dbsnap.diff.DiffReport#dataChanges()})
 * @param movedSequences the sequences that stand elsewhere than at the capture, as {@code schema.name}
 */
public record ResetVerification(DiffReport diff, List<String> movedSequences) {

    public ResetVerification {
        Objects.requireNonNull(diff, "diff");
        movedSequences = List.copyOf(movedSequences);
    }

    /** Whether nothing differs. */
    public boolean verified() {
        return diff.isEmpty() && movedSequences.isEmpty();
    }

    /** What differs, one line each: changed objects with the aspects that changed, tables' rows, sequences. */
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        for (Change change : diff.changes()) {
            lines.add(change + (change.differences().isEmpty() ? "" : " " + change.differences()));
        }
        for (DataChange rows : diff.dataChanges()) {
            lines.add("rows of " + rows);
        }
        movedSequences.forEach(name -> lines.add("sequence " + name + " is not where the snapshot has it"));
        return lines;
    }
}
