package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.connection.DatabaseAddress;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.diff.UnifiedDdlDiff;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.restore.script.ScriptReader;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotDetails;
import io.dbsnap.store.SnapshotKind;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a migration file with a way back, the workflow of "snapshot, migrate, snapshot, compare":
 * <ol>
 *   <li>the file is read through first: it must split into statements, and one that cannot run
 *       in a transaction block ({@code CREATE INDEX CONCURRENTLY}, ...) refuses the migration
 *       before anything runs, unless {@link MigrationOptions#outsideTransaction()} says to run
 *       such statements after the transaction;</li>
 *   <li>dbsnap's operation lock is taken: a restore or another migration running on the database
 *       makes this one fail at once (or wait, {@link MigrationOptions#waitForLock()});</li>
 *   <li>a snapshot {@code before_<file stem>} (schema only unless {@link MigrationOptions#withData()});</li>
 *   <li>the script in ONE transaction with the same reader as a restore (dollar quoting, COPY
 *       blocks, comments), under a {@code lock_timeout} so it cannot hang behind the
 *       application's locks unnoticed;</li>
 *   <li>a snapshot {@code after_<file stem>}, and the diff between the two, written beside it
 *       as {@code {after}_diff.md} and {@code {after}_diff.patch}.</li>
 * </ol>
 * When a statement fails (or anything else is thrown, an {@link Error} too), the transaction is
 * rolled back first, the database is as it was, the snapshot before is kept and none after is
 * written; the error names the statement and its line.
 *
 * <p>A {@link #dryRun dry run} runs the script in a transaction, reads the catalog inside it,
 * rolls it back, and reports the difference: what the migration would change.
 *
 * <p>Migrations cover the whole database: both snapshots hold every schema (but the system's).
 */
public final class Migrator {

    static final String BEFORE_PREFIX = "before_";
    static final String AFTER_PREFIX = "after_";

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final SnapshotStore store;
    private final MigrationOptions options;

    public Migrator(SnapshotStore store, MigrationOptions options) {
        this.store = store;
        this.options = options;
    }

    /**
     * Migrates the database of {@code connection} (not inside a transaction) with {@code migration}.
     *
     * @throws DbSnapException                       when the file cannot be read or holds a statement
     *                                               that cannot run in a transaction (nothing ran)
     * @throws io.dbsnap.errors.LockNotAvailableException   when another restore or migration is running
     * @throws RestoreFailedException                when a statement fails: all is rolled back
     */
    public MigrationReport migrate(Connection connection, Path migration) {
        MigrationScript script = checked(MigrationScript.read(migration));
        String stem = script.stem();
        String target = DatabaseAddress.describe(connection);
        try (OperationLock lock = OperationLock.take(connection, options.waitForLock())) {
            StoredSnapshot before = snapshot(connection, BEFORE_PREFIX + stem, SnapshotKind.BEFORE_MIGRATION,
                    "before migration " + migration.getFileName());
            RestoreResult result;
            try (ScriptReader reader = ScriptReader.open(migration)) {
                result = new Restorer("migration").restore(connection, reader, this::limitLockWaits, script::runsOutside);
            } catch (RestoreFailedException e) {
                throw failed(e, before);
            }
            runOutside(connection, script, before);
            StoredSnapshot after = snapshot(connection, AFTER_PREFIX + stem, SnapshotKind.AFTER_MIGRATION,
                    "after migration " + migration.getFileName());
            DiffSide sideBefore = DiffSide.of(store, before);
            DiffSide sideAfter = DiffSide.of(store, after);
            DiffReport diff = SchemaDiff.compare(sideBefore, sideAfter);
            Path markdown = store.attach(after, StoredSnapshot.DIFF_MARKDOWN, diff.toMarkdown());
            Path patch = store.attach(after, StoredSnapshot.DIFF_PATCH, UnifiedDdlDiff.ofSnapshots(store, before, after));
            Path down = store.attach(after, StoredSnapshot.DOWN_MIGRATION, DownMigration.between(after, sideAfter.catalog(), before,
                    sideBefore.catalog())
                    .tried(connection));
            MigrationReport report = new MigrationReport(migration, target, before, after, diff, markdown, patch, result,
                    script.nonTransactional(), down);
            LOG.info(report.summary());
            return report;
        }
    }

    /**
     * Runs {@code migration} in a transaction on the database of {@code connection}, compares the
     * catalog it made with the one before, and rolls it back: what the migration would change,
     * and nothing changed. A statement that fails is reported as for {@link #migrate}.
     */
    public DryRunReport dryRun(Connection connection, Path migration) {
        MigrationScript script = checked(MigrationScript.read(migration));
        String target = DatabaseAddress.describe(connection);
        CatalogReader reader = CatalogReader.of(SnapshotScope.everything());
        try (OperationLock lock = OperationLock.take(connection, options.waitForLock())) {
            Catalog now = reader.read(connection);
            Restorer.TryOut<Catalog> tried;
            try (ScriptReader statements = ScriptReader.open(migration)) {
                tried = new Restorer("dry run").tryOut(connection, statements, this::limitLockWaits, script::runsOutside,
                        reader::readWithin);
            }
            DiffReport diff = SchemaDiff.compare(DiffSide.of("current", now),
                    DiffSide.of("after " + migration.getFileName(), tried.inspected()));
            return new DryRunReport(migration, target, diff, tried.result(), script.nonTransactional(),
                    MigrationPlanner.plan(now, tried.inspected()).hazards());
        } catch (SQLException e) {
            throw new DbSnapException("Could not read the database before the dry run: " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "). Nothing was changed.", e);
        }
    }

    /** Refuses statements that cannot run in a transaction, unless they may run after it, in the script's order. */
    private MigrationScript checked(MigrationScript script) {
        List<NonTransactionalStatement> found = script.nonTransactional();
        if (found.isEmpty()) {
            return script;
        }
        String list = String.join("; ", found.stream().map(NonTransactionalStatement::describe).toList());
        if (!options.outsideTransaction()) {
            throw new DbSnapException("The migration " + script.file().getFileName() + " has statements that cannot run"
                    + " inside a transaction block, and dbsnap runs a migration as one transaction: " + list
                    + ". Nothing was run. Make them transactional (CREATE INDEX without CONCURRENTLY locks writes to the"
                    + " table while it builds), move them to a migration of their own, or allow them to run after the"
                    + " transaction commits (--allow-non-transactional; MigrationOptions.runningNonTransactionalStatementsOutside();"
                    + " they are then"
                    + " not undone if they fail).");
        }
        script.firstOutOfOrder().ifPresent(s -> {
            throw new DbSnapException("The migration " + script.file().getFileName() + " has " + s.describe() + " before"
                    + " statements that run in the transaction. Statements that cannot run in a transaction run after it"
                    + " commits, so they must be the migration's last statements to keep its order. Move them to the end"
                    + " or to a migration of their own; nothing was run.");
        });
        return script;
    }

    /** First in the migration's transaction: no statement waits for a lock longer than the timeout. */
    private void limitLockWaits(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = " + options.lockTimeout().toMillis());
        }
    }

    private StoredSnapshot snapshot(Connection connection, String label, SnapshotKind kind, String purpose) {
        DumpOptions dump = options.data() ? DumpOptions.schemaAndData() : DumpOptions.schemaOnly();
        DatabaseDumper dumper = new DatabaseDumper(CatalogReader.of(SnapshotScope.everything()), dump);
        // the kind, not the label, tells an emergency rollback which of the two undoes the migration
        SnapshotDetails details = SnapshotDetails.none().withPurpose(purpose).withKind(kind)
                .withDatabase(DatabaseAddress.describe(connection));
        return store.write(label, Compression.NONE, details, dumper.snapshotContent(connection));
    }

    /** The statements that cannot run in a transaction, each on its own after the transaction committed. */
    private void runOutside(Connection connection, MigrationScript script, StoredSnapshot before) {
        for (NonTransactionalStatement outside : script.nonTransactional()) {
            LOG.info("Running {} outside the migration's transaction", outside.describe());
            try (Statement s = connection.createStatement()) {
                s.execute(outside.statement().sql());
            } catch (SQLException e) {
                throw new RestoreFailedException("The migration's transaction was committed, then " + outside.describe()
                        + ", which runs outside it, failed: " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")."
                        + " The statements before it stay applied; snapshot " + before.name().baseName() + " holds the"
                        + " database before the migration, if it is to be undone.", outside.statement().number(),
                        outside.statement().line(), String.valueOf(e.getSQLState()), e);
            }
        }
    }

    /** The failure, saying which snapshot holds the state before and, for a lock wait, what to do. */
    private RestoreFailedException failed(RestoreFailedException e, StoredSnapshot before) {
        String hint = LOCK_NOT_AVAILABLE.equals(e.sqlState())
                ? "\nThe statement waited longer than the lock timeout (" + options.lockTimeout().toMillis() + " ms) for a"
                + " lock another session holds. Run the migration when the application is quieter, or give it a longer"
                + " lock timeout."
                : "";
        return new RestoreFailedException(e.getMessage() + hint + "\nSnapshot " + before.name().baseName()
                + " (taken before the migration) is kept; no snapshot after it was written.", e.statementNumber(), e.line(),
                e.sqlState(), e);
    }
}
