package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.connection.Transaction;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.store.StoredSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a schema-only snapshot in place without emptying the tables
 * ({@link RestoreOptions#keepingData()}): the database is migrated from its catalog now to the
 * snapshot's, in one transaction, so every row of every table and column both have stays. What
 * the snapshot lacks is lost, and refused unless {@link RestoreOptions#discardingData()}.
 */
final class SchemaRollback {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRollback.class);

    private final RestoreOptions options;
    private final boolean owners;
    private final boolean privileges;

    SchemaRollback(RestoreOptions options, boolean owners, boolean privileges) {
        this.options = options;
        this.owners = owners;
        this.privileges = privileges;
    }

    /**
     * @param plan         what the restore loses, as the snapshot's diff to the database names it
     * @param safety       writes the safety snapshot, once the rollback is not refused
     * @param verification the differences between the snapshot's catalog and the database afterwards
     */
    RestoreReport run(Connection connection, StoredSnapshot snapshot, Catalog snapshotCatalog, Catalog current,
                      RestorePlan plan, boolean emergency, Supplier<Optional<StoredSnapshot>> safety,
                      Supplier<List<String>> verification) {
        DdlOptions ddl = new DdlOptions(owners, privileges, false);
        MigrationPlan migration = MigrationPlanner.plan(current, snapshotCatalog, ddl);
        // rows are kept: nothing is emptied, only what the snapshot lacks is lost
        RestorePlan losses = plan.keepingRows();
        if (!migration.preservesData() && !options.discardData()) {
            throw new DataLossRefusedException(losses);
        }
        Optional<StoredSnapshot> safetySnapshot = safety.get();
        long started = System.nanoTime();
        try {
            Transaction.commit(connection, "schema rollback", "Compare the database with the snapshot (dbsnap verify).",
                    c -> {
                        PlanSteps.run(c, migration, options.lockTimeout());
                        return null;
                    });
        } catch (SQLException e) {
            throw new RestoreFailedException("The schema rollback to " + snapshot.name().baseName() + " failed: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + "). It was rolled back; the database is as it"
                    + " was before.", 0, 0, String.valueOf(e.getSQLState()), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Schema of {} rolled back to {} in {} steps, rows kept", plan.target(), snapshot.name().baseName(),
                migration.steps().size());
        RestoreResult result = new RestoreResult(migration.steps().size(), 0, Map.of(), elapsed);
        return new RestoreReport(snapshot, plan.target(), emergency, safetySnapshot, 0, result,
                new Verification(verification.get()), losses, elapsed);
    }
}
