package io.dbsnap.restore;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SnapshotRestorer} restores. The defaults are the safe ones: a safety snapshot first,
 * no restore into a server older than the snapshot's, a schema-only snapshot restored over tables
 * that hold rows as a schema rollback that keeps them ({@link #keepingData()}; what the snapshot
 * lacks is not dropped unless {@link #discardingData()}), no wait for a lock longer than
 * {@link #DEFAULT_LOCK_TIMEOUT}, and the snapshot's owners and grants set (the server must then
 * have its roles).
 *
 * @param safetySnapshot   write a snapshot of the current state (schema and data of the scope the
 *                         restore replaces) to the store first, labelled {@value SnapshotRestorer#SAFETY_LABEL},
 *                         so that the restore itself can be undone
 * @param allowOlderServer restore even when the server's major version is older than the one the
 *                         snapshot was taken from (its SQL may use what the older server lacks)
 * @param discardData      restore a schema-only snapshot even though the database's tables hold
 *                         rows: every table comes back empty (without it, such a restore is refused
 *                         with {@link DataLossRefusedException} before anything changes)
 * @param lockTimeout      the longest the restore waits for a lock another session holds (an open
 *                         transaction that read a table the restore replaces): after it, the restore
 *                         fails with {@link io.dbsnap.errors.LockNotAvailableException}, naming the table and
 *                         the session, and nothing is changed. Waiting longer would make every new
 *                         reader of that table queue behind the restore.
 * @param owners           run the snapshot's {@code ALTER ... OWNER TO}; without, whoever runs the
 *                         restore owns what it creates, as with pg_restore's {@code --no-owner}
 * @param privileges       run the snapshot's {@code GRANT}/{@code REVOKE} and
 *                         {@code ALTER DEFAULT PRIVILEGES}, as pg_restore does without {@code --no-privileges}
 * @param protectedTargets the databases a restore may replace only with {@code productionApproved}:
 *                         by default those {@value ProtectedTargets#VARIABLE} names
 * @param productionApproved restore into a protected database all the same
 *                         ({@link #approvingProduction()}); without it such a restore is refused
 *                         with {@link ProductionApprovalRequiredException} before anything changes
 * @param keepData         restore a schema-only snapshot over tables that hold rows as a schema
 *                         rollback that keeps them (the default, see {@link #keepingData()}); without
 *                         it ({@link #droppingAndRecreating()}), everything is dropped and recreated
 * @param maintenanceWorkMemMegabytes the {@code maintenance_work_mem} the restore's transaction takes
 *                         at least (with {@code SET LOCAL}, so it ends with the transaction) for the
 *                         index builds and foreign key checks after the data; a server configured
 *                         with more keeps its own, and 0 keeps the server's whatever it is. A limit
 *                         the server's sorts may reach, not memory taken up front: by default
 *                         {@value #DEFAULT_MAINTENANCE_WORK_MEM_MB} MB
 */
public record RestoreOptions(boolean safetySnapshot, boolean allowOlderServer, boolean discardData,
                             Duration lockTimeout, boolean owners, boolean privileges, boolean keepData,
                             ProtectedTargets protectedTargets, boolean productionApproved,
                             int maintenanceWorkMemMegabytes) {

    /** Protecting what {@value ProtectedTargets#VARIABLE} names, without approval. */
    public RestoreOptions(boolean safetySnapshot, boolean allowOlderServer, boolean discardData, Duration lockTimeout,
                          boolean owners, boolean privileges, boolean keepData) {
        this(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges, keepData,
                ProtectedTargets.fromEnvironment(), false, DEFAULT_MAINTENANCE_WORK_MEM_MB);
    }

    /** The options before {@link #maintenanceWorkMemMegabytes()}, with its default. */
    public RestoreOptions(boolean safetySnapshot, boolean allowOlderServer, boolean discardData, Duration lockTimeout,
                          boolean owners, boolean privileges, boolean keepData, ProtectedTargets protectedTargets,
                          boolean productionApproved) {
        this(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges, keepData, protectedTargets,
                productionApproved, DEFAULT_MAINTENANCE_WORK_MEM_MB);
    }

    /** How long a restore waits for a lock unless told otherwise: 5 seconds, as a migration. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The {@code maintenance_work_mem} a restore takes unless told otherwise: 256 MB (the server's
     * default is 64 MB), as much as pg_restore guides suggest for a load, and a limit, not an allocation.
     */
    public static final int DEFAULT_MAINTENANCE_WORK_MEM_MB = 256;

    /** PostgreSQL's largest {@code maintenance_work_mem}, 2147483647 kB, in whole MB. */
    private static final int MOST_MAINTENANCE_WORK_MEM_MB = Integer.MAX_VALUE / 1024;

    public RestoreOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(protectedTargets, "protectedTargets: ProtectedTargets.none() for none");
        if (lockTimeout.isNegative() || lockTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the lock timeout must be at least 1 ms, not " + lockTimeout);
        }
        checkMaintenanceWorkMem(maintenanceWorkMemMegabytes);
    }

    static int checkMaintenanceWorkMem(int megabytes) {
        if (megabytes < 0 || megabytes > MOST_MAINTENANCE_WORK_MEM_MB) {
            throw new IllegalArgumentException("maintenance_work_mem must be between 0 (the server's) and "
                    + MOST_MAINTENANCE_WORK_MEM_MB + " MB, not " + megabytes);
        }
        return megabytes;
    }

    /** Without {@link #keepingData()}. */
    public RestoreOptions(boolean safetySnapshot, boolean allowOlderServer, boolean discardData, Duration lockTimeout,
                          boolean owners, boolean privileges) {
        this(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges, false);
    }

    /** With the default lock timeout, owners and grants, refusing a schema-only restore over rows. */
    public RestoreOptions(boolean safetySnapshot, boolean allowOlderServer) {
        this(safetySnapshot, allowOlderServer, false, DEFAULT_LOCK_TIMEOUT, true, true);
    }

    /** The safe defaults: see the class comment. A schema-only snapshot keeps the rows ({@link #keepingData()}). */
    public static RestoreOptions defaults() {
        return new RestoreOptions(true, false).keepingData();
    }

    public RestoreOptions withoutSafetySnapshot() {
        return new RestoreOptions(false, allowOlderServer, discardData, lockTimeout, owners, privileges,
                keepData, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    public RestoreOptions allowingOlderServer() {
        return new RestoreOptions(safetySnapshot, true, discardData, lockTimeout, owners, privileges,
                keepData, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    /**
     * Accept losing data: with {@link #droppingAndRecreating()}, a schema-only snapshot restored
     * over tables that hold rows empties them; in a schema rollback ({@link #keepingData()}, the
     * default), the tables and columns created after the snapshot are dropped with their values.
     */
    public RestoreOptions discardingData() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, true, lockTimeout, owners, privileges,
                keepData, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    /** These options with {@code timeout} as the longest wait for a lock (at least 1 ms). */
    public RestoreOptions withLockTimeout(Duration timeout) {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, timeout, owners, privileges,
                keepData, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    /** Skips the snapshot's {@code ALTER ... OWNER TO}, as pg_restore's {@code --no-owner}. */
    public RestoreOptions noOwner() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, lockTimeout, false, privileges,
                keepData, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    /** Skips the snapshot's grants and default privileges, as pg_restore's {@code --no-privileges}. */
    public RestoreOptions noPrivileges() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, false,
                keepData, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    /**
     * Restores a schema-only snapshot in place as a schema rollback that keeps the data (the
     * default): when the database's tables hold rows, instead of dropping and recreating every
     * object (every table empty), the database is migrated to the snapshot's catalog
     * ({@link io.dbsnap.dumper.MigrationPlanner}), in one transaction, and every row of every table
     * and column that both have stays. What the snapshot lacks (tables and columns created after
     * it) is still lost: that is refused unless {@link #discardingData()}.
     */
    public RestoreOptions keepingData() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges,
                true, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    /** Protects these databases (instead of those {@value ProtectedTargets#VARIABLE} names). */
    public RestoreOptions protecting(ProtectedTargets targets) {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges, keepData,
                Objects.requireNonNull(targets, "targets"), productionApproved, maintenanceWorkMemMegabytes);
    }

    /** Approves a restore into a protected database: the API's {@code --approve-production}. */
    public RestoreOptions approvingProduction() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges, keepData,
                protectedTargets, true, maintenanceWorkMemMegabytes);
    }

    /**
     * The restore as it was before schema rollbacks kept the data: everything in the snapshot's
     * scope is dropped and the snapshot recreated, so a schema-only snapshot leaves every table
     * empty (refused over tables that hold rows unless {@link #discardingData()}).
     */
    public RestoreOptions droppingAndRecreating() {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges,
                false, protectedTargets, productionApproved, maintenanceWorkMemMegabytes);
    }

    /**
     * These options with a restore transaction that takes at least {@code megabytes} of
     * {@code maintenance_work_mem} (0 keeps the server's); see {@link #maintenanceWorkMemMegabytes()}.
     */
    public RestoreOptions withMaintenanceWorkMem(int megabytes) {
        return new RestoreOptions(safetySnapshot, allowOlderServer, discardData, lockTimeout, owners, privileges, keepData,
                protectedTargets, productionApproved, megabytes);
    }
}
