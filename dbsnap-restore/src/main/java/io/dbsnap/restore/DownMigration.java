package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.connection.Transaction;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.store.StoredSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A migration's way back that keeps the rows: the plan from the snapshot after it to the snapshot
 * before it ({@link MigrationPlanner}), written beside the after snapshot as {@code _down.sql}
 * once it has been tried on the migrated database in a transaction that is rolled back. Its
 * header says what it would lose and whether the try worked.
 */
final class DownMigration {

    private static final Duration TRY_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final StoredSnapshot after;
    private final StoredSnapshot before;
    private final MigrationPlan plan;

    private DownMigration(StoredSnapshot after, StoredSnapshot before, MigrationPlan plan) {
        this.after = after;
        this.before = before;
        this.plan = plan;
    }

    /** @param afterCatalog and {@code beforeCatalog}: the two snapshots' catalogs, as the migration's diff read them */
    static DownMigration between(StoredSnapshot after, Catalog afterCatalog, StoredSnapshot before, Catalog beforeCatalog) {
        return new DownMigration(after, before, MigrationPlanner.plan(afterCatalog, beforeCatalog));
    }

    /** The script, once tried on the database of {@code connection} and rolled back. */
    String tried(Connection connection) {
        Optional<String> failure = tryOut(connection);
        StringBuilder sql = new StringBuilder("-- Down migration: from ").append(after.name().baseName()).append(" back to ")
                .append(before.name().baseName()).append(", keeping the rows of every table and column both have.\n")
                .append("-- Run it in one transaction: psql -1 -v ON_ERROR_STOP=1 -f FILE\n");
        sql.append(plan.preservesData() ? "-- Keeps every row.\n"
                : "-- LOSES what the migration added (see the DATA_LOSS hazards); its snapshot after keeps a copy.\n");
        plan.hazards().forEach(h -> sql.append("-- hazard: ").append(h).append('\n'));
        sql.append(failure.map(f -> "-- FAILED when tried on the migrated database (rolled back): " + f
                + "\n-- Restore " + before.name().baseName() + " instead.\n").orElse("-- Tried on the migrated database"
                + " in a transaction that was rolled back: it ran.\n"));
        return sql.append('\n').append(plan.steps().stream().map(MigrationStep::sql)
                .reduce("", (a, b) -> a + b + "\n")).toString();
    }

    private Optional<String> tryOut(Connection connection) {
        try {
            Transaction.rollBack(connection, c -> {
                // a try must not wait behind the application's sessions
                PlanSteps.run(c, plan, TRY_LOCK_TIMEOUT);
                return null;
            });
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage().replace('\n', ' '));
        }
    }
}
