package io.dbsnap;

import io.dbsnap.restore.DryRunReport;
import io.dbsnap.restore.MigrationOptions;
import io.dbsnap.restore.MigrationReport;
import io.dbsnap.restore.Migrator;
import io.dbsnap.store.SnapshotStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A migration file about to be applied, from {@link Snapshots#migration(Path)}: with a snapshot
 * before and after it and the diff of the two, in one transaction; see {@link Migrator} for each
 * step. Immutable; each setting returns a new request.
 *
 * <pre>{@code
 * MigrationReport r = Snapshots.migration(Path.of("db/V2__roles.sql"))
 *     .lockTimeout(Duration.ofSeconds(3))
 *     .in(Path.of("snapshots"))
 *     .applyTo(dataSource);                  // or .dryRun(dataSource): what it would change
 * r.diff().toText();                         // also saved beside the snapshot after it
 * }</pre>
 */
public final class MigrationRequest {

    private final Path file;
    private final MigrationOptions options;
    private final Path directory;

    private MigrationRequest(Path file, MigrationOptions options, Path directory) {
        this.file = file;
        this.options = options;
        this.directory = directory;
    }

    static MigrationRequest of(Path file, Path directory) {
        return new MigrationRequest(Objects.requireNonNull(file, "file"), MigrationOptions.defaults(), directory);
    }

    /** The snapshots before and after hold the rows too (by default, the schema only). */
    public MigrationRequest withData() {
        return new MigrationRequest(file, options.withData(), directory);
    }

    /**
     * How long a statement may wait for a lock the application holds before the migration fails
     * and is rolled back (default {@value MigrationOptions#DEFAULT_LOCK_TIMEOUT_SECONDS} s; zero
     * waits forever).
     */
    public MigrationRequest lockTimeout(Duration timeout) {
        return new MigrationRequest(file, options.lockTimeout(timeout), directory);
    }

    /** Waits up to {@code wait} for another dbsnap restore or migration to finish (default: fail at once). */
    public MigrationRequest waitForLock(Duration wait) {
        return new MigrationRequest(file, options.waitingForLock(wait), directory);
    }

    /**
     * Runs the statements that cannot run in a transaction block ({@code CREATE INDEX
     * CONCURRENTLY}, {@code VACUUM}, ...) after the transaction commits, instead of refusing the
     * migration. They must be its last statements; if one fails, what ran before it stays.
     */
    public MigrationRequest runningNonTransactionalStatementsOutside() {
        return new MigrationRequest(file, options.runningNonTransactionalStatementsOutside(), directory);
    }

    /** The snapshot directory (default {@link Snapshots#defaultDirectory()}). */
    public MigrationRequest in(Path directory) {
        return new MigrationRequest(file, options, Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Applies the migration: snapshot {@code before_<file stem>}, the file in one transaction,
     * snapshot {@code after_<file stem>}, and the diff of the two.
     *
     * @throws io.dbsnap.errors.DbSnapException           when the file cannot be read or has a statement that cannot
     *                                   run in a transaction (nothing ran)
     * @throws io.dbsnap.errors.LockNotAvailableException when another restore or migration is running
     * @throws io.dbsnap.errors.RestoreFailedException    when a statement fails: all is rolled back, the snapshot
     *                                   before is kept, none after is written
     */
    public MigrationReport applyTo(DataSource database) {
        return Connections.with(Objects.requireNonNull(database, "database"), "Could not migrate the database",
                connection -> migrator().migrate(connection, file));
    }

    /** Applies the migration to the database at {@code url} (JDBC or {@code postgresql://} form). */
    public MigrationReport applyTo(String url) {
        return applyTo(Connections.dataSource(url));
    }

    /**
     * What the migration would change: it runs in a transaction that is rolled back, and nothing
     * is written to the snapshot directory.
     */
    public DryRunReport dryRun(DataSource database) {
        return Connections.with(Objects.requireNonNull(database, "database"), "Could not try the migration",
                connection -> migrator().dryRun(connection, file));
    }

    /** A dry run on the database at {@code url}. */
    public DryRunReport dryRun(String url) {
        return dryRun(Connections.dataSource(url));
    }

    private Migrator migrator() {
        return new Migrator(new SnapshotStore(directory), options);
    }
}
