package io.dbsnap.restore;

import io.dbsnap.diff.DiffReport;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Migrator#migrate} did.
 *
 * @param migration          the migration file
 * @param target             the database, {@code user@host:port/db}
 * @param before             the snapshot taken before it ({@code before_<stem>}): restore it to undo the migration
 * @param after              the snapshot taken after it ({@code after_<stem>})
 * @param diff               what changed from {@code before} to {@code after}
 * @param diffMarkdown       the diff in Markdown, beside {@code after} ({@code {after}_diff.md})
 * @param diffPatch          the unified diff of the two snapshots' DDL, beside {@code after} ({@code {after}_diff.patch})
 * @param result             the statements run and rows copied in the transaction
 * @param outsideTransaction the statements run after the transaction committed, only when
 *                           {@link MigrationOptions#outsideTransaction()} allowed them; they are
 *                           not undone with it
 * @param downMigration      the statements that take the database back to {@code before} keeping its
 *                           rows, beside {@code after} ({@code {after}_down.sql}), tried in a
 *                           transaction that was rolled back, with its hazards in its header
 */
public record MigrationReport(Path migration, String target, StoredSnapshot before, StoredSnapshot after,
                              DiffReport diff, Path diffMarkdown, Path diffPatch, RestoreResult result,
                              List<NonTransactionalStatement> outsideTransaction, Path downMigration) {

    public MigrationReport {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(diff, "diff");
        outsideTransaction = List.copyOf(outsideTransaction);
    }

    /** One line for logs: what ran, what it changed, where the snapshots are. */
    public String summary() {
        return "Migrated " + target + " with " + migration.getFileName() + " (" + result.statements() + (result.statements() == 1 ? " statement" : " statements")
                + (outsideTransaction.isEmpty() ? "" : ", " + outsideTransaction.size() + " of them outside the transaction")
                + "): " + diff.summary() + ". Undo with snapshot " + before.name().baseName() + ", or keep the rows with the"
                + " down migration " + downMigration.getFileName() + ".";
    }
}
