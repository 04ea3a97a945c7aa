package io.dbsnap.reset;

import io.dbsnap.ExclusiveOperation;
import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.connection.DatabaseAddress;
import io.dbsnap.connection.DatabaseConnections;
import io.dbsnap.connection.Transaction;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.LockNotAvailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a database back to the state it had when {@link #capture captured}, fast: only what a test
 * changed is put back, only the sequences it moved are set back, all in one transaction. Made for
 * test suites, which change a few rows of a few tables per test.
 *
 * <p>When captured, it takes a dbsnap snapshot (schema and data) of the database, copies each
 * table's rows to a file, and installs change tracking ({@link ChangeTracking}: a statement
 * trigger per table advancing a counter; as superuser, event triggers counting DDL commands). A
 * {@link #reset()} then, in one transaction under dbsnap's operation lock:
 * <ol>
 *   <li>checks that the structure is unchanged: as superuser by the DDL counter (and the few
 *       catalogs event triggers do not see), otherwise in one query over the catalogs
 *       ({@link CatalogState});</li>
 *   <li>reads the counters to learn which tables changed, and compares every sequence's position
 *       and every populated materialized view's rows with the snapshot's;</li>
 *   <li>puts the rows of the changed tables (with their partitions or children) back, with the
 *       user's triggers kept from firing (they would write audit rows, or refuse): only the rows
 *       that changed, matched by primary key; but for a role that is not a superuser, and so keeps
 *       foreign keys checked, a changed table that a foreign key references is emptied by one
 *       {@code TRUNCATE} with the tables referencing it and loaded whole, referenced tables
 *       first;</li>
 *   <li>sets the moved sequences back and refreshes changed materialized views.</li>
 * </ol>
 * When the structure changed (a test created, altered or dropped something) or the fast path
 * fails for any reason, it restores the snapshot in full, exactly
 * (correct, slower; {@link Snapshot#replaceContents}), which checks its result, and installs the
 * tracking again.
 *
 * <p>It holds a session advisory lock on the database as long as it is open, so that a second
 * {@code FastReset} (another test class, another JVM) on the same database fails at once with
 * {@link LockNotAvailableException} instead of resetting under the other's feet.
 *
 * <p>Limits: resets must run when no other session writes (a test's writes are committed or
 * rolled back); large objects and unlogged changes of extensions' own tables are put back by the
 * full restore only; rows of foreign tables are not reset. Rows put back come after the others in
 * a table's physical order, which a query without ORDER BY may show; a DDL command
 * run with event triggers switched off ({@code SET event_triggers = off}, PostgreSQL 17 and later)
 * or a direct write into a system catalog goes unnoticed.
 */
public final class FastReset implements AutoCloseable {

    /** The advisory lock a FastReset holds on its database: "dbjunit" in ASCII. */
    static final long CLAIM_KEY = 0x64626a756e6974L;
    static final String SNAPSHOT_LABEL = "reset_baseline";

    private static final Logger LOG = LoggerFactory.getLogger(FastReset.class);

    private final DataSource database;
    private final Connection connection;
    private final String address;
    private final Snapshot snapshot;
    private final TableCopies copies;
    private final Map<String, SequencePositions.Position> sequences;
    private final Map<String, Long> materializedViewRows;
    private final boolean superuser;
    private final Path workDirectory;
    private final boolean temporaryDirectory;
    private Tracked tracked;

    /** What the tracking knows about the database since the last capture, reset or full restore. */
    private record Tracked(RelationInventory inventory, CatalogState catalog, long watermark,
                           ChangeTracking.Counters counters) {
    }

    private FastReset(DataSource database, Connection connection, Snapshot snapshot, TableCopies copies,
                      Map<String, SequencePositions.Position> sequences, Map<String, Long> materializedViewRows,
                      boolean superuser, Path workDirectory, boolean temporaryDirectory) {
        this.database = database;
        this.connection = connection;
        this.address = DatabaseAddress.describe(connection);
        this.snapshot = snapshot;
        this.copies = copies;
        this.sequences = sequences;
        this.materializedViewRows = materializedViewRows;
        this.superuser = superuser;
        this.workDirectory = workDirectory;
        this.temporaryDirectory = temporaryDirectory;
    }

    /** Captures the database's current state, working in a temporary directory removed by {@link #close()}. */
    public static FastReset capture(DataSource database) {
        try {
            return capture(database, Files.createTempDirectory("dbsnap-reset-"), true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for the snapshot", e);
        }
    }

    /**
     * Captures the database's current state; the snapshot and the table copies go to
     * {@code workDirectory} (created if needed, left in place by {@link #close()}).
     *
     * @throws LockNotAvailableException when another FastReset holds the database
     * @throws DbSnapException           when the database cannot be read or the tracking installed
     *                                   (the role must own the tables: TRIGGER on them is not
     *                                   enough, as the tracking's triggers are set to fire ALWAYS
     *                                   and a reset disables the user's, both ALTER TABLE)
     */
    public static FastReset capture(DataSource database, Path workDirectory) {
        return capture(database, workDirectory, false, true);
    }

    /** {@code superuserAllowed}: tests turn it off to take the paths of roles that are not superusers. */
    static FastReset capture(DataSource database, Path workDirectory, boolean temporaryDirectory,
                             boolean superuserAllowed) {
        Objects.requireNonNull(database, "database");
        Connection connection = open(database);
        try {
            claim(connection);
            // with owners and grants: a full restore must give the tables back their ACLs too
            // (a test's role may have revoked or been granted privileges the application relies on)
            Snapshot snapshot = Snapshots.create(SNAPSHOT_LABEL).purpose("the state tests are reset to").withData()
                    .withOwners().withPrivileges()
                    .in(workDirectory.resolve("snapshot")).from(database);
            boolean superuser = superuserAllowed && superuser(connection);
            TableCopies copies;
            Map<String, SequencePositions.Position> positions;
            Map<String, Long> viewRows;
            RelationInventory inventory;
            try (ExclusiveOperation operation = ExclusiveOperation.begin(connection)) {
                connection.setAutoCommit(false);
                inventory = RelationInventory.read(connection);
                copies = TableCopies.write(connection, inventory, workDirectory.resolve("tables"));
                positions = SequencePositions.read(connection, inventory.sequences().stream().map(Relation::name).toList());
                viewRows = materializedViewRows(connection, inventory.populatedMaterializedViews(), 0).entrySet()
                        .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()[0]));
                ChangeTracking.install(connection, inventory, superuser);
                connection.commit();
            }
            FastReset reset = new FastReset(database, connection, snapshot, copies, positions, viewRows, superuser,
                    workDirectory, temporaryDirectory);
            reset.tracked = reset.track(inventory);
            LOG.info("Captured {} for fast resets: {} tables, {} sequences", reset.address, inventory.tables().size(),
                    positions.size());
            return reset;
        } catch (SQLException | IOException e) {
            close(connection, e);
            throw new DbSnapException("Could not capture the database for fast resets: " + e.getMessage()
                    + (e instanceof SQLException s ? " (SQLSTATE " + s.getSQLState() + ")" : "")
                    + ". The role needs to own the tables (TRIGGER on them is not enough: the tracking's triggers"
                    + " are set to fire ALWAYS, and a reset disables the user's triggers, both ALTER TABLE, which only"
                    + " the owner may run), to read them, and to create a schema in the database.", e);
        } catch (RuntimeException | Error e) {
            close(connection, e);
            throw e;
        }
    }

    /** The snapshot taken at the capture (schema and data), in the work directory. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Puts the database back to the captured state: the fast path when the structure is
     * unchanged, else a full restore of the snapshot.
     *
     * @throws LockNotAvailableException when another dbsnap operation is running on the database
     * @throws DbSnapException           when even the full restore fails (the database is then as
     *                                   the test left it)
     */
    public synchronized ResetReport reset() {
        Instant start = Instant.now();
        try (ExclusiveOperation operation = ExclusiveOperation.begin(connection)) {
            String reason;
            try {
                FastOutcome outcome = fastPath(start);
                if (outcome.report() != null) {
                    return outcome.report();
                }
                reason = outcome.structuralChange();
            } catch (SQLException | IOException | DbSnapException e) {
                rollback(e);
                reason = "the fast path failed: " + e.getMessage();
                LOG.warn("Fast reset of {} failed, restoring the snapshot in full: {}", address, e.getMessage());
            } catch (RuntimeException | Error e) {
                // an Error (out of memory) too: half a reset is rolled back before anything else
                rollback(e);
                throw e;
            }
            return fullRestore(reason, start);
        }
    }

    private record FastOutcome(ResetReport report, String structuralChange) {
    }

    private FastOutcome fastPath(Instant start) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // a test that left a transaction open on a table would otherwise make the reset wait forever
            s.execute("SET LOCAL lock_timeout = '10s';" + TableCopies.FORMAT);
        }
        ChangeTracking.Counters counters = ChangeTracking.counters(connection);
        Optional<String> structural = counters.ddl() != tracked.counters().ddl()
                ? Optional.of((counters.ddl() - tracked.counters().ddl()) + " DDL commands ran since the last reset")
                : tracked.catalog().changeSince(connection, tracked.watermark());
        if (structural.isPresent()) {
            connection.rollback();
            return new FastOutcome(null, structural.get());
        }
        List<Long> changed = counters.tablesChangedSince(tracked.counters());
        List<String> movedSequences = SequencePositions.movedQuickly(connection, sequences);
        List<Relation> changedViews = changedMaterializedViews();
        if (changed.isEmpty() && movedSequences.isEmpty() && changedViews.isEmpty()) {
            connection.commit();
            return new FastOutcome(report(ResetReport.Kind.NOTHING, List.of(), List.of(), List.of(), null, start), null);
        }
        long resetTransaction = currentTransaction(connection);
        ReloadPlan plan = superuser ? ReloadPlan.uncheckedKeys(tracked.inventory(), changed)
                : ReloadPlan.checkedKeys(tracked.inventory(), changed, copies::canLoadMissing);
        if (!plan.isEmpty()) {
            reload(plan);
        }
        SequencePositions.restore(connection, movedSequences, sequences);
        try (Statement s = connection.createStatement()) {
            for (Relation view : changedViews) {
                s.execute("REFRESH MATERIALIZED VIEW " + view.name());
            }
        }
        // the reload itself moved the counters of the tables it loaded (counters are not transactional)
        ChangeTracking.Counters afterReset = ChangeTracking.counters(connection);
        connection.commit();
        tracked = new Tracked(tracked.inventory(), tracked.catalog(), resetTransaction, afterReset);
        return new FastOutcome(report(ResetReport.Kind.FAST, plan.loadOrder().stream().map(Relation::name).toList(),
                movedSequences, changedViews.stream().map(Relation::name).toList(), null, start), null);
    }

    /**
     * Puts the rows of the plan's tables back. The user's triggers must not fire (they would write
     * audit rows, or refuse).
     *
     * <p>As superuser, {@code session_replication_role = replica} silences ordinary triggers and
     * foreign key checks (the rows put back are the snapshot's, consistent with the tables left
     * alone); only triggers enabled ALWAYS or REPLICA are disabled one by one. Then only the rows
     * that changed are put back: in each table the rows written since the last reset are
     * deleted, and the snapshot's rows whose primary key is no longer there are loaded. A table
     * without a primary key (or with too many rows to hold their keys) is emptied and loaded
     * whole. So a reset costs what the test changed, not what the tables hold; the rows put back
     * come after the others in a table's physical order, which a query without ORDER BY may show.
     *
     * <p>Otherwise every enabled user trigger of those tables is disabled for the load and enabled
     * again in its own mode, and foreign keys stay checked: a changed table that no foreign key
     * references is put back row by row all the same; the others are emptied with one
     * {@code TRUNCATE}, together with the tables referencing them, and loaded whole (see
     * {@link ReloadPlan#checkedKeys}).
     */
    private void reload(ReloadPlan plan) throws SQLException, IOException {
        Set<Long> oids = plan.tables().stream().map(Relation::oid).collect(Collectors.toSet());
        List<RelationInventory.UserTrigger> silenced = tracked.inventory().triggersOn(oids).stream()
                .filter(t -> superuser ? t.mode() != 'O' : t.mode() != 'R').toList();
        StringBuilder before = new StringBuilder();
        if (superuser) {
            before.append("SET LOCAL session_replication_role = replica;");
        }
        before.append("SET CONSTRAINTS ALL DEFERRED;");
        for (RelationInventory.UserTrigger trigger : silenced) {
            before.append("ALTER TABLE ").append(tracked.inventory().get(trigger.table()).name())
                    .append(" DISABLE TRIGGER ").append(trigger.name()).append(";");
        }
        before.append(plan.truncateStatement());
        for (Relation table : plan.loadOrder()) {
            if (!plan.truncates(table)) {
                before.append("DELETE FROM ONLY ").append(table.name()).append(copies.canLoadMissing(table)
                        ? " WHERE " + CatalogState.newerThan("xmin", tracked.watermark()) : "").append(";");
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute(before.toString());
        }
        for (Relation table : plan.loadOrder()) {
            if (!plan.truncates(table) && copies.canLoadMissing(table)) {
                copies.loadMissing(connection, table);
            } else {
                copies.load(connection, table);
            }
        }
        StringBuilder after = new StringBuilder();
        // a partitioned table's trigger first: from PostgreSQL 15 on, enabling it enables its
        // partitions' clones too, which then get their own mode back
        silenced.stream().sorted(Comparator.comparing(t -> !tracked.inventory().get(t.table()).isPartitioned()))
                .forEach(t -> after.append("ALTER TABLE ").append(tracked.inventory().get(t.table()).name())
                        .append(t.mode() == 'A' ? " ENABLE ALWAYS TRIGGER " : t.mode() == 'R' ? " ENABLE REPLICA TRIGGER "
                                : " ENABLE TRIGGER ").append(t.name()).append(";"));
        if (superuser) {
            after.append("SET LOCAL session_replication_role = DEFAULT;");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(after.toString());
        }
    }

    private List<Relation> changedMaterializedViews() throws SQLException {
        List<Relation> views = tracked.inventory().populatedMaterializedViews();
        Map<String, long[]> now = materializedViewRows(connection, views, tracked.watermark());
        return views.stream().filter(v -> {
            long[] rows = now.get(v.name());
            return rows[0] != materializedViewRows.getOrDefault(v.name(), -1L) || rows[1] > 0;
        }).toList();
    }

    /** Per materialized view: its rows, and how many were written after the watermark (0 for none). */
    private static Map<String, long[]> materializedViewRows(Connection connection, List<Relation> views, long watermark)
            throws SQLException {
        Map<String, long[]> rows = new HashMap<>();
        if (views.isEmpty()) {
            return rows;
        }
        String newer = watermark == 0 ? "false" : CatalogState.newerThan("xmin", watermark);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < views.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", count(*), count(*) FILTER (WHERE ")
                    .append(newer).append(") FROM ").append(views.get(i).name());
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                rows.put(views.get(rs.getInt(1)).name(), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return rows;
    }

    private ResetReport fullRestore(String reason, Instant start) {
        LOG.info("Restoring {} in full: {}", address, reason);
        try {
            Transaction.endWithAutoCommit(connection);
            // the reset owns the database; its snapshot holds the rows, so nothing is emptied that it does not reload
            snapshot.replaceContents(connection);
            connection.setAutoCommit(false);
            RelationInventory inventory = RelationInventory.read(connection);
            ChangeTracking.install(connection, inventory, superuser);
            connection.commit();
            tracked = track(inventory);
        } catch (SQLException e) {
            rollback(e);
            throw new DbSnapException("Could not install change tracking again after restoring " + address + ": "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
        return report(ResetReport.Kind.FULL, List.of(), List.of(), List.of(), reason, start);
    }

    /**
     * Compares the database with its captured state by the one definition of "equal" dbsnap has,
     * {@link SchemaDiff}: the snapshot's catalog with the database's, read again; each table's
     * rows, saved at the capture, with the rows it holds now (count and digest, through the diff's
     * data comparison; see {@link RowSetDigest} for why the digest is not the snapshot's checksum);
     * and each sequence's position with the captured one. Slow (reads the whole catalog and every
     * row): for tests of the reset, or to be sure.
     *
     * @throws DbSnapException when the database or the saved rows cannot be read
     */
    public synchronized ResetVerification verify() {
        try {
            Transaction.endWithAutoCommit(connection);
            Catalog expected = snapshot.catalog().orElseThrow(() -> new DbSnapException("Snapshot " + snapshot
                    + " has no catalog file to verify against"));
            DiffSide captured = DiffSide.of(snapshot.name(), expected).withTables(copies.facts());
            DiffSide now = DiffSide.of("live", snapshot.catalogOf(database))
                    .withTables(LiveRows.read(connection, RelationInventory.read(connection)));
            DiffReport diff = SchemaDiff.compare(captured, now);
            return new ResetVerification(diff, SequencePositions.moved(connection, sequences));
        } catch (SQLException e) {
            throw new DbSnapException("Could not verify " + address + ": " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the rows saved at the capture of " + address, e);
        }
    }

    /** Removes the change tracking from the database, releases it, and deletes a temporary work directory. */
    @Override
    public synchronized void close() {
        try {
            // what a failed reset left uncommitted is rolled back, never committed by autocommit
            Transaction.endWithAutoCommit(connection);
            try (ExclusiveOperation operation = ExclusiveOperation.begin(connection)) {
                ChangeTracking.remove(connection);
            }
        } catch (SQLException e) {
            throw new DbSnapException("Could not remove dbsnap's change tracking (schema " + ChangeTracking.SCHEMA + ") from " + address
                    + ": " + e.getMessage() + ". Drop it by hand: DROP SCHEMA " + ChangeTracking.SCHEMA + " CASCADE", e);
        } finally {
            close(connection, null);
            if (temporaryDirectory) {
                deleteDirectory(workDirectory);
            }
        }
    }

    @Override
    public String toString() {
        return "FastReset of " + address;
    }

    /**
     * Starts tracking from now on. With event triggers counting DDL (superuser), the catalogs are
     * checked only for what those do not see.
     */
    private Tracked track(RelationInventory inventory) throws SQLException {
        long watermark = currentTransaction(connection);
        connection.commit();
        CatalogState catalog = superuser ? CatalogState.notSeenByEventTriggers(connection, watermark)
                : CatalogState.capture(connection, watermark);
        ChangeTracking.Counters counters = ChangeTracking.counters(connection);
        connection.commit();
        return new Tracked(inventory, catalog, watermark, counters);
    }

    /** The current transaction's id (assigning one), as the 32-bit xid that {@code xmin} holds. */
    private static long currentTransaction(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.txid_current() % 4294967296")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void claim(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_try_advisory_lock(" + CLAIM_KEY + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new LockNotAvailableException("Database " + DatabaseAddress.describe(connection) + " is already"
                        + " reset by another test class or JVM (dbsnap's FastReset holds it). Two test classes that run"
                        + " at the same time must each have a database of their own.", null);
            }
        }
    }

    private static boolean superuser(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static Connection open(DataSource database) {
        Connection connection = DatabaseConnections.open(database, "the database");
        try (Statement s = connection.createStatement()) {
            // with row security on, COPY and count(*) would see only the rows a policy lets
            // through; off, the server refuses instead of answering wrongly
            s.execute("SET row_security = off; SET application_name = 'dbsnap reset'");
            return connection;
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new DbSnapException("Could not prepare the reset's session: " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + ")", e);
        }
    }

    /** Rolls back; a connection that cannot is closed, so that the server discards its transaction. */
    private void rollback(Throwable cause) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (Throwable e) {
            cause.addSuppressed(e);
            close(connection, cause);
        }
    }

    private static ResetReport report(ResetReport.Kind kind, List<String> tables, List<String> sequences,
                                      List<String> views, String reason, Instant start) {
        return new ResetReport(kind, tables, sequences, views, Optional.ofNullable(reason),
                Duration.between(start, Instant.now()));
    }

    private static void close(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }
}
