package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.connection.DatabaseAddress;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dumper.internal.read.LockHolders;
import io.dbsnap.errors.CommitOutcomeUnknownException;
import io.dbsnap.errors.ConnectionFailedException;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.errors.SnapshotNotFoundException;
import io.dbsnap.errors.UnsupportedServerVersionException;
import io.dbsnap.restore.script.ScriptReader;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotDetails;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotKind;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a snapshot of a {@link SnapshotStore} so that it is safe to do in production:
 * <ol>
 *   <li>before the database is touched: the snapshot's metadata is read, its SQL file's size and
 *       SHA-256 checked (a truncated or changed file is refused), the server's major version
 *       compared with the snapshot's, and the roles its owners and grants name looked for (a
 *       restore that would need a missing role, or one the restoring role may not act as, is
 *       refused with all their names);</li>
 *   <li>dbsnap's operation lock is taken, so a second restore or a migration fails at once; the
 *       restore is refused when its one transaction would need more locks than the server's lock
 *       table holds ({@code max_locks_per_transaction}); a schema-only snapshot is refused when
 *       the database's tables hold rows (it would empty them all; see {@link #plan}), unless
 *       {@link RestoreOptions#discardData()};</li>
 *   <li>a safety snapshot of the current state is written to the store
 *       ({@value #SAFETY_LABEL}), so that the restore itself can be undone;</li>
 *   <li>in ONE transaction: everything the database now holds in the snapshot's scope is dropped
 *       (also what was created after the snapshot) and the script recreates the snapshot;</li>
 *   <li>verification: the loaded row counts are compared with those the snapshot recorded, and
 *       the catalog, read again, with the snapshot's {@code .catalog.json}, owners and grants
 *       included when the snapshot recorded them and the restore set them;</li>
 *   <li>the restore is appended to the store's {@code restore.log}, failures included.</li>
 * </ol>
 * A failure at any step leaves the database as it was: whatever is thrown, an {@link Error}
 * too, the transaction is rolled back first. No lock is waited for longer than
 * {@link RestoreOptions#lockTimeout()}: a restore waiting behind an open reader would make every
 * new reader queue behind it; it fails with {@link io.dbsnap.errors.LockNotAvailableException} naming the
 * table and the session instead. Only a connection lost during the COMMIT leaves the outcome
 * unknown ({@link io.dbsnap.errors.CommitOutcomeUnknownException}).
 */
public final class SnapshotRestorer {

    /** The label of the snapshot taken before each restore. */
    public static final String SAFETY_LABEL = "before_restore";

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRestorer.class);

    private final SnapshotStore store;
    /** Where the safety snapshot and {@code restore.log} go: the store, unless told otherwise. */
    private final SnapshotStore records;
    private final RestoreOptions options;
    private final UnaryOperator<InputStream> scriptTap;

    public SnapshotRestorer(SnapshotStore store, RestoreOptions options) {
        this(store, store, options, UnaryOperator.identity());
    }

    private SnapshotRestorer(SnapshotStore store, SnapshotStore records, RestoreOptions options,
                             UnaryOperator<InputStream> scriptTap) {
        this.store = store;
        this.records = records;
        this.options = options;
        this.scriptTap = scriptTap;
    }

    /**
     * This restorer writing its safety snapshot and its {@code restore.log} line to {@code records}
     * rather than beside the snapshot restored: a snapshot named by its path, elsewhere, is
     * restored with the records kept where the user's snapshot directory is.
     */
    public SnapshotRestorer keepingRecordsIn(SnapshotStore records) {
        return new SnapshotRestorer(store, Objects.requireNonNull(records, "records"), options, scriptTap);
    }

    /**
     * This restorer with the snapshot's script (checked, decompressed) read through {@code tap},
     * so that a caller can watch the restore advance (the command line's progress display). The
     * stream {@code tap} returns must hand on every byte, unchanged, and close the one it is given.
     */
    public SnapshotRestorer watchingScript(UnaryOperator<InputStream> tap) {
        return new SnapshotRestorer(store, records, options, Objects.requireNonNull(tap, "tap"));
    }

    /**
     * Restores {@code snapshot} into the database of {@code connection}, which must not be inside
     * a transaction.
     *
     * @throws SnapshotNotFoundException                  when the snapshot is not in the store
     * @throws io.dbsnap.errors.SnapshotCorruptException         when its file or metadata is damaged
     * @throws UnsupportedServerVersionException          when the server is older than the snapshot's
     * @throws io.dbsnap.errors.LockNotAvailableException        when another restore or migration is running, or
     *                                                    another session holds a lock on what the restore
     *                                                    replaces longer than the lock timeout (nothing changed)
     * @throws io.dbsnap.errors.CommitOutcomeUnknownException    when the connection is lost during the COMMIT
     * @throws io.dbsnap.errors.RestoreFailedException           when a statement fails (all is rolled back)
     */
    public RestoreReport restore(Connection connection, StoredSnapshot snapshot) {
        return run(connection, snapshot, false);
    }

    /**
     * Creates database {@code database} on the server of {@code server} and restores
     * {@code snapshot} into it: a clone of the environment the snapshot was taken from. No safety
     * snapshot is needed, as nothing is replaced; if the restore fails, the new database is
     * dropped again, so a failure leaves nothing behind.
     *
     * @param server    a connection to any database of the server, not inside a transaction; its
     *                  role needs the CREATEDB privilege
     * @param connector opens the connection to the new database
     * @throws io.dbsnap.errors.DbSnapException when a database of that name exists already (it is left as it is)
     */
    public RestoreReport restoreAsNewDatabase(Connection server, String database, DatabaseConnector connector,
                                              StoredSnapshot snapshot) {
        // a protected server is refused before the new database is created
        String serverAddress = DatabaseAddress.describe(server);
        options.protectedTargets().check(serverAddress.substring(0, serverAddress.lastIndexOf('/') + 1) + database,
                options.productionApproved(), "restore");
        NewDatabase.create(server, database);
        boolean restored = false;
        try (Connection target = connector.connect(database)) {
            RestoreReport report = new SnapshotRestorer(store, records, options.withoutSafetySnapshot(), scriptTap)
                    .run(target, snapshot, false);
            restored = true;
            return report;
        } catch (SQLException e) {
            throw new ConnectionFailedException("the new database " + database, e);
        } finally {
            if (!restored) {
                NewDatabase.drop(server, database);
            }
        }
    }

    /**
     * Undoes the last dbsnap operation on the database, with the same checks and safety snapshot
     * as {@link #restore}, and logs it as an emergency rollback: the snapshot
     * {@link #rollbackTarget} chooses (after a migration, its snapshot before; never a safety
     * snapshot, never a migration's snapshot after it). Made for the moment a deploy broke
     * production: no question is asked.
     *
     * @throws SnapshotNotFoundException when the store holds no snapshot to roll back to
     * @throws DataLossRefusedException  when that snapshot is schema-only and the tables hold rows,
     *                                   unless {@link RestoreOptions#discardData()}
     */
    public RestoreReport emergencyRollback(Connection connection) {
        return emergencyRollback(connection, rollbackTarget(connection));
    }

    /** Like {@link #emergencyRollback(Connection)}, to the snapshot chosen before (and shown to someone). */
    public RestoreReport emergencyRollback(Connection connection, RollbackChoice choice) {
        LOG.warn("Emergency rollback of {}. {}", DatabaseAddress.describe(connection), choice.reason());
        return run(connection, choice.snapshot(), true);
    }

    /**
     * The snapshot an emergency rollback of the database of {@code connection} restores, and why:
     * the state before the last dbsnap operation on it, decided from what dbsnap recorded. After
     * a migration, the snapshot taken before it; after a restore (or a rollback), the snapshot it
     * restored, so that rolling back twice does the same thing twice; otherwise the newest snapshot
     * taken on request. Safety snapshots and migrations' snapshots after them are never chosen.
     * Nothing is changed.
     *
     * @throws SnapshotNotFoundException when the store holds no snapshot to roll back to
     */
    public RollbackChoice rollbackTarget(Connection connection) {
        return RollbackTarget.choose(store, DatabaseAddress.describe(connection));
    }

    private RestoreReport run(Connection connection, StoredSnapshot snapshot, boolean emergency) {
        Instant start = Instant.now();
        long started = System.nanoTime();
        String target = DatabaseAddress.describe(connection);
        // before anything, the restore log included: a refused restore changed nothing
        options.protectedTargets().check(target, options.productionApproved(), emergency ? "roll back" : "restore");
        RestoreLog log = new RestoreLog(records.recordsDirectory());
        log.checkWritable();
        String name = snapshot.sqlFile().getFileName().toString();
        try {
            RestoreReport report = restoreChecked(connection, snapshot, emergency, target)
                    .measured(Duration.ofNanos(System.nanoTime() - started));
            log.append(start, emergency, name, target, report.elapsed(),
                    report.verification().verified() ? "restored, verified"
                            : "restored, NOT verified: " + String.join("; ", report.verification().differences()));
            return report;
        } catch (CommitOutcomeUnknownException e) {
            log.append(start, emergency, name, target, Duration.ofNanos(System.nanoTime() - started),
                    "UNKNOWN, the connection was lost during COMMIT: " + firstLine(e.getMessage()));
            throw e;
        } catch (RuntimeException | Error e) {
            // an Error (out of memory) too: the transaction was rolled back before it got here
            log.append(start, emergency, name, target, Duration.ofNanos(System.nanoTime() - started),
                    "failed, nothing changed: " + (e instanceof Error ? e.toString() : firstLine(e.getMessage())));
            throw e;
        }
    }

    private RestoreReport restoreChecked(Connection connection, StoredSnapshot snapshot, boolean emergency,
                                         String target) {
        SnapshotMetadata metadata = store.metadata(snapshot);
        checkServerVersion(connection, metadata);
        SnapshotScope scope = metadata.scope().orElse(SnapshotScope.everything());
        if (metadata.type().equals(SnapshotFacts.DATA_ONLY)) {
            // the tables it empties come from the metadata, which no checksum covers
            DataOnlyRestore.checkTables(metadata.tables(), store.openVerified(snapshot), snapshot.metadataFile());
        }
        // what of the snapshot's owners and grants this restore sets, and so checks and verifies
        boolean owners = metadata.access().owners() && options.owners();
        boolean privileges = metadata.access().privileges() && options.privileges();
        Optional<Catalog> catalog = creates(snapshot, metadata);
        catalog.ifPresent(c -> RoleCheck.check(connection, c, owners, privileges));
        // the whole file is hashed here, before the database is touched
        try (InputStream script = scriptTap.apply(store.openVerified(snapshot));
             OperationLock lock = OperationLock.take(connection)) {
            Catalog current = readCurrent(connection, scope, options.lockTimeout());
            if (catalog.isPresent()) {
                checkLockBudget(connection, current, catalog.get());
            }
            // under the lock, before the safety snapshot: a refusal leaves nothing behind
            RestorePlan plan = plan(connection, snapshot, metadata, catalog, current, target);
            if (keepsRows(plan, metadata) && catalog.isPresent()) {
                return new SchemaRollback(options, owners, privileges).run(connection, snapshot, catalog.get(), current,
                        plan, emergency, () -> options.safetySnapshot()
                                ? Optional.of(writeSafetySnapshot(connection, scope, snapshot)) : Optional.empty(),
                        () -> structuralDifferences(connection, scope, catalog.get(), owners, privileges));
            }
            if (plan.emptiesTablesWithRows() && !options.discardData()) {
                throw new DataLossRefusedException(plan);
            }
            Optional<StoredSnapshot> safety = options.safetySnapshot()
                    ? Optional.of(writeSafetySnapshot(connection, scope, snapshot)) : Optional.empty();
            ExactRestore exact = new ExactRestore(scope, owners, privileges);
            RestoreResult result;
            try {
                result = new Restorer(options.lockTimeout(), options.maintenanceWorkMemMegabytes())
                        .restore(connection, new ScriptReader(script), beforeScript(metadata, scope, exact, snapshot),
                                AccessStatements.leftOut(options.owners(), options.privileges()));
            } catch (RuntimeException | Error e) {
                safety.ifPresent(unused -> discardUnused(unused, e));
                throw e;
            }
            List<String> differences = new ArrayList<>(RowCounts.differences(metadata.tables(), result.rowsByTable()));
            catalog.ifPresent(recorded -> differences.addAll(structuralDifferences(connection, scope,
                    SchemaOnlyScriptState.expected(recorded, metadata.type()), owners, privileges)));
            return new RestoreReport(snapshot, target, emergency, safety, exact.dropped(), result,
                    new Verification(differences), plan, result.elapsed());
        } catch (IOException e) {
            throw new DbSnapException("Could not read snapshot " + snapshot.sqlFile() + ": " + e, e);
        }
    }

    /**
     * What restoring {@code snapshot} into the database of {@code connection} would lose, as the
     * database is now: the tables that hold rows and would be left empty, the objects the
     * snapshot lacks, which would be dropped. Nothing is changed. A restore checks it again under
     * its lock, and refuses a schema-only snapshot over tables that hold rows unless
     * {@link RestoreOptions#discardData()}.
     *
     * @throws SnapshotNotFoundException          when the snapshot is not in the store
     * @throws io.dbsnap.errors.SnapshotCorruptException when its metadata or catalog is damaged
     * @throws DbSnapException                    when the database cannot be read
     */
    public RestorePlan plan(Connection connection, StoredSnapshot snapshot) {
        SnapshotMetadata metadata = store.metadata(snapshot);
        SnapshotScope scope = metadata.scope().orElse(SnapshotScope.everything());
        RestorePlan plan = plan(connection, snapshot, metadata, creates(snapshot, metadata),
                readCurrent(connection, scope, options.lockTimeout()), DatabaseAddress.describe(connection));
        return keepsRows(plan, metadata) ? plan.keepingRows() : plan;
    }

    /**
     * A schema-only snapshot restored as a schema rollback ({@link RestoreOptions#keepingData()})
     * empties nothing. Only where dropping and recreating would empty tables that hold rows: over
     * empty tables that restore loses nothing, and recreates the snapshot exactly by construction.
     */
    private boolean keepsRows(RestorePlan plan, SnapshotMetadata metadata) {
        return options.keepData() && plan.emptiesTablesWithRows() && metadata.scope().isPresent();
    }

    private static RestorePlan plan(Connection connection, StoredSnapshot snapshot, SnapshotMetadata metadata,
                                    Optional<Catalog> catalog, Catalog current, String target) {
        try {
            return RestorePlanner.plan(connection, snapshot.name().baseName(), target, metadata, catalog, current);
        } catch (SQLException e) {
            throw new DbSnapException("Could not read the database's tables before the restore: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + "). Nothing was changed.", e);
        }
    }

    /** What the snapshot creates, for the lock estimate, the plan and the verification; read once. */
    private Optional<Catalog> creates(StoredSnapshot snapshot, SnapshotMetadata metadata) {
        boolean dataOnly = metadata.type().equals(SnapshotFacts.DATA_ONLY);
        return dataOnly || metadata.scope().isEmpty() ? Optional.empty() : store.catalog(snapshot);
    }

    /**
     * The database's catalog now, within the snapshot's scope, read under the restore's lock
     * timeout: an object locked ACCESS EXCLUSIVE by another session makes it fail, not wait.
     */
    private static Catalog readCurrent(Connection connection, SnapshotScope scope, Duration lockTimeout) {
        try {
            return CatalogReader.of(scope).read(connection, lockTimeout);
        } catch (SQLException e) {
            if (LockHolders.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new LockNotAvailableException("Could not read the database before the restore within its lock"
                        + " timeout (" + lockTimeout.toMillis() + " ms): another session holds an ACCESS EXCLUSIVE lock"
                        + " (an ALTER TABLE, a migration, a VACUUM FULL ...)." + LockHolders.explain(connection, true, "")
                        + " Nothing was changed. Restore again when it has finished, or allow a longer wait"
                        + " (--lock-timeout).", e);
            }
            throw new DbSnapException("Could not read the database before the restore: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + "). Nothing was changed.", e);
        }
    }

    /** What empties the snapshot's scope in the restore's transaction, before its script runs. */
    private static Restorer.BeforeScript beforeScript(SnapshotMetadata metadata, SnapshotScope scope, ExactRestore exact,
                                                      StoredSnapshot snapshot) {
        if (metadata.type().equals(SnapshotFacts.DATA_ONLY)) {
            return c -> DataOnlyRestore.emptyTables(c, scope, metadata.tables(), snapshot.metadataFile());
        }
        if (metadata.scope().isEmpty()) {
            LOG.warn("Snapshot {} does not record the schemas it covers (written by an older dbsnap): objects created"
                    + " after it are not dropped", snapshot.sqlFile().getFileName());
            return c -> { };
        }
        return exact::dropCurrentObjects;
    }

    /**
     * Refuses a restore whose one transaction would lock more relations than the server's lock
     * table holds: what it drops (the scope now) plus what it creates (the snapshot's catalog).
     */
    private static void checkLockBudget(Connection connection, Catalog current, Catalog creates) {
        try {
            LockBudget.of(connection).check(LockBudget.CATALOG_READ + LockBudget.locksFor(current)
                    + LockBudget.locksFor(creates));
        } catch (SQLException e) {
            throw new DbSnapException("Could not read the database before the restore: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + "). Nothing was changed.", e);
        }
    }

    /** The restored catalog, read again, against the one stored with the snapshot, owners and grants too if set. */
    private static List<String> structuralDifferences(Connection connection, SnapshotScope scope, Catalog expected,
                                                      boolean owners, boolean privileges) {
        try {
            return CatalogVerification.differences(expected, CatalogReader.of(scope).read(connection), owners, privileges);
        } catch (SQLException e) {
            return List.of("the restored catalog could not be read to verify it: " + e.getMessage());
        }
    }

    /**
     * The restore failed and was rolled back, so the safety snapshot holds the state the database
     * still has: nothing to undo, and it would only take the place of real snapshots. It is
     * deleted; kept when the commit's outcome is unknown (the restore may have happened), and when
     * it cannot be deleted (then the log says so; cleanup deletes it like any other).
     */
    private void discardUnused(StoredSnapshot safety, Throwable failure) {
        if (failure instanceof CommitOutcomeUnknownException) {
            LOG.warn("Safety snapshot {} is kept: the restore's commit may have happened", safety.sqlFile());
            return;
        }
        try {
            records.delete(safety);
            LOG.info("Safety snapshot {} deleted: the restore was rolled back, nothing changed", safety.sqlFile());
        } catch (RuntimeException e) {
            LOG.warn("Safety snapshot {} is unused (the restore was rolled back) but could not be deleted: {}",
                    safety.sqlFile(), e.getMessage());
            failure.addSuppressed(e);
        }
    }

    private StoredSnapshot writeSafetySnapshot(Connection connection, SnapshotScope scope, StoredSnapshot snapshot) {
        DatabaseDumper dumper = new DatabaseDumper(CatalogReader.of(scope),
                DumpOptions.schemaAndData().lockTimeout(options.lockTimeout()));
        String database = DatabaseAddress.describe(connection);
        SnapshotDetails details = SnapshotDetails.none().withDatabase(database).withKind(SnapshotKind.SAFETY)
                .withPurpose("taken automatically before restoring " + snapshot.name().baseName());
        StoredSnapshot safety = records.write(SAFETY_LABEL, snapshot.compressed() ? Compression.GZIP : Compression.NONE,
                details, dumper.snapshotContent(connection));
        LOG.info("Safety snapshot of {} written to {}", database, safety.sqlFile());
        return safety;
    }

    private void checkServerVersion(Connection connection, SnapshotMetadata metadata) {
        int snapshotMajor = majorOf(metadata.serverVersion());
        int serverMajor;
        try {
            serverMajor = connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new DbSnapException("Could not read the server's version: " + e.getMessage(), e);
        }
        if (serverMajor < snapshotMajor && !options.allowOlderServer()) {
            throw new UnsupportedServerVersionException("The snapshot was taken from PostgreSQL "
                    + metadata.serverVersion() + ", but the server is PostgreSQL " + serverMajor + ": an older server"
                    + " may not understand its SQL. Restore into PostgreSQL " + snapshotMajor + " or newer, or allow it"
                    + " (--allow-older-server; RestoreOptions.allowingOlderServer()) if you know the snapshot uses nothing"
                    + " newer. Nothing was changed.");
        }
    }

    /** The major version of a {@code server_version} such as {@code 17.6} or {@code 15.18 (Debian 15.18-0+deb12u1)}. */
    static int majorOf(String serverVersion) {
        int end = 0;
        while (end < serverVersion.length() && Character.isDigit(serverVersion.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new DbSnapException("The snapshot's server version '" + serverVersion + "' is not a PostgreSQL version");
        }
        return Integer.parseInt(serverVersion.substring(0, end));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
