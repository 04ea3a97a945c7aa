package io.dbsnap.restore;

import io.dbsnap.diff.DiffReport;
import io.dbsnap.migration.Hazard;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a migration would change, from {@link Migrator#dryRun}: it ran in a transaction that was
 * rolled back, so the database is as it was.
 *
 * @param migration the migration file
 * @param target    the database, {@code user@host:port/db}
 * @param diff      the structure it would change, with risk flags; rows are not compared
 * @param result    the statements run and rows copied before the rollback
 * @param notTried  statements that cannot run in a transaction and so were not tried (only when
 *                  {@link MigrationOptions#outsideTransaction()} lets the migration have them)
 * @param hazards   what the change costs, as the migration plan to the same structure states it:
 *                  data lost, tables rewritten, scans to validate, type changes that may fail
 */
public record DryRunReport(Path migration, String target, DiffReport diff, RestoreResult result,
                           List<NonTransactionalStatement> notTried, List<Hazard> hazards) {

    public DryRunReport {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(diff, "diff");
        notTried = List.copyOf(notTried);
        hazards = List.copyOf(hazards);
    }

    /** One line: what the migration would change, and what the dry run could not try. */
    public String summary() {
        return "Dry run of " + migration.getFileName() + " on " + target + ": " + diff.summary() + "; nothing was changed"
                + (notTried.isEmpty() ? "" : "; not tried, as they cannot run in a transaction: "
                + String.join(", ", notTried.stream().map(NonTransactionalStatement::describe).toList()));
    }
}
