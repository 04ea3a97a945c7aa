package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.Change;
import io.dbsnap.diff.DiffOptions;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.Difference;
import io.dbsnap.diff.SchemaDiff;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares the catalog read back after a restore with the snapshot's through {@link SchemaDiff},
 * the one definition of "the same catalog", and words each change as one line of the restore's
 * verification: {@code missing after the restore: table app.orders}, {@code not in the snapshot:
 * table app.extra}, {@code not as in the snapshot: privileges on SEQUENCE app.tickets (privileges
 * of app_reader removed: USAGE)}.
 *
 * <p>Owners and privileges are compared only when asked: a snapshot without them is restored as
 * whoever runs the restore. With them, a grant the restored database lacks is a difference, so
 * that "verified" means the application's access is back.
 */
final class CatalogVerification {

    /** Where a line stops: a restore log line must stay readable. */
    private static final int MAX_LINE = 300;

    private CatalogVerification() {
    }

    /**
     * One line per object the restored database lacks, has in addition, or has otherwise; empty
     * when the diff finds no change.
     *
     * @param owners     compare who owns each object
     * @param privileges compare grants and default privileges
     */
    static List<String> differences(Catalog snapshot, Catalog restored, boolean owners, boolean privileges) {
        return SchemaDiff.compare(DiffSide.of("snapshot", snapshot), DiffSide.of("restored", restored),
                        new DiffOptions(owners, privileges))
                .changes().stream().map(CatalogVerification::line).toList();
    }

    private static String line(Change change) {
        String what = switch (change.action()) {
            case REMOVED -> "missing after the restore: ";
            case ADDED -> "not in the snapshot: ";
            case CHANGED -> "not as in the snapshot: ";
        };
        String details = change.differences().isEmpty() ? ""
                : change.differences().stream().map(Difference::toString).collect(Collectors.joining("; ", " (", ")"));
        String line = what + change.subject() + details;
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
    }
}
