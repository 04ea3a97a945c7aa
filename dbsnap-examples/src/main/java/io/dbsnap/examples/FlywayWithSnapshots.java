package io.dbsnap.examples;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.restore.RestoreOptions;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * dbsnap beside Flyway: Flyway keeps its history table and runs the migrations, dbsnap takes a
 * snapshot before and after them and says what changed. A deploy's pending migrations then apply
 * all or none: Flyway commits each migration on its own, so when the third of three fails, the
 * first two stay — here the database goes back to the snapshot taken before the first.
 *
 * <pre>{@code
 * Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
 * FlywayWithSnapshots.Outcome outcome = new FlywayWithSnapshots(flyway, dataSource, Path.of("snapshots")).migrate();
 * System.out.println(outcome.diff().toText());
 * }</pre>
 */
public final class FlywayWithSnapshots {

    /**
     * What a run did.
     *
     * @param migrations the migrations Flyway applied
     * @param before     the snapshot before them, with data: the way back
     * @param after      the snapshot after them
     * @param diff       what they changed
     */
    public record Outcome(int migrations, Snapshot before, Snapshot after, DiffReport diff) {
    }

    private final Flyway flyway;
    private final DataSource database;
    private final Path snapshots;

    public FlywayWithSnapshots(Flyway flyway, DataSource database, Path snapshots) {
        this.flyway = flyway;
        this.database = database;
        this.snapshots = snapshots;
    }

    /**
     * Snapshot, Flyway's pending migrations, snapshot, diff.
     *
     * @throws FlywayException when a migration fails, after the database was restored to the
     *                         snapshot before (Flyway's history table included)
     */
    public Outcome migrate() {
        // with data: restoring a schema-only snapshot would bring the tables back empty
        Snapshot before = Snapshots.create("before_flyway").purpose("before Flyway's pending migrations").withData()
                .in(snapshots).from(database);
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            // the snapshot before is the state to return to; a safety snapshot of the half-migrated
            // database would only be clutter
            before.restoreTo(database, RestoreOptions.defaults().withoutSafetySnapshot());
            throw e;
        }
        Snapshot after = Snapshots.create("after_flyway").purpose("after Flyway's migrations").in(snapshots).from(database);
        DiffReport diff = Snapshots.in(snapshots).diff(before.name(), after.name());
        return new Outcome(result.migrationsExecuted, before, after, diff);
    }
}
