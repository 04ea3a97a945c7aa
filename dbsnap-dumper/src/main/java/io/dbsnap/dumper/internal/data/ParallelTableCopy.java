package io.dbsnap.dumper.internal.data;

import io.dbsnap.catalog.Table;
import io.dbsnap.dump.TableData;
import io.dbsnap.dumper.internal.read.DumpSession;
import io.dbsnap.dumper.internal.read.SnapshotTransaction;
import io.dbsnap.dumper.internal.sql.Literals;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the rows of several tables at once, through the dump's connection and worker
 * connections that share its snapshot, and writes them into the script in the dump's order, so
 * that the script is byte for byte the one a single connection writes.
 *
 * <p>Each connection takes the next table nobody has taken. The script has one writer at a time:
 * the copier of the table whose turn it is writes its rows straight into the script; the others
 * spool theirs to a temporary file. When the copier of the turn's table finishes, it appends the
 * spooled tables that are complete, in order, and passes the turn to the next table, whose copier
 * then appends what it has spooled so far and goes on straight into the script. So no table is
 * held in memory, and a table copied in its turn never touches the disk.
 *
 * <p>A worker locks each table with {@code NOWAIT} before it copies it, as pg_dump's workers do:
 * when another session is already queued for a conflicting lock (behind the dump's own lock),
 * waiting would deadlock the dump with itself. Such a table is left to the dump's connection,
 * which holds its lock already.
 */
final class ParallelTableCopy {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelTableCopy.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int BUFFER = 1 << 16;
    /**
     * The settings that shape COPY's text: a worker takes the dump's connection's values, so that
     * its rows are written exactly as that connection would write them; and its lock timeout, so
     * that no worker waits for a lock longer than the dump does.
     */
    private static final List<String> OUTPUT_SETTINGS = List.of("DateStyle", "IntervalStyle", "TimeZone",
            "extra_float_digits", "bytea_output", "xmloption", "lc_monetary", "lc_numeric", "lock_timeout");

    private final List<Table> tables;
    private final OutputStream script;
    private final Object lock = new Object();
    /** Guarded by {@code lock}: tables completely spooled, and their files. */
    private final boolean[] complete;
    private final Path[] spools;
    /** Tables a worker could not lock, for the dump's connection; guarded by {@code lock}. */
    private final Deque<Integer> handedBack = new ArrayDeque<>();
    private final TableData[] results;
    /** Guarded by {@code lock}. */
    private int unclaimed;
    private int workersRunning;
    /** The index of the table whose rows go into the script next. */
    private volatile int turn;
    private volatile boolean failed;
    /** Guarded by {@code lock}: what stopped the dump first. */
    private Exception failure;
    /**
     * What stopped the dump's own connection, unless it only stopped because another failed. It
     * is the cause when there is one: when the dump's connection fails (its output is full, say),
     * its session can end before every worker has joined its snapshot, and such a worker then
     * fails with "could not import the requested snapshot", which explains nothing.
     */
    private Exception mainFailure;

    private ParallelTableCopy(List<Table> tables, OutputStream script) {
        this.tables = tables;
        this.script = script;
        this.complete = new boolean[tables.size()];
        this.spools = new Path[tables.size()];
        this.results = new TableData[tables.size()];
    }

    /**
     * Writes the COPY blocks of {@code tables}, in that order, into {@code script}, reading them
     * through {@code main} (inside the dump's transaction, holding the tables' locks) and up to
     * {@code workers} more connections from {@code source}.
     */
    static List<TableData> write(Connection main, DataSource source, int workers, List<Table> tables, OutputStream script)
            throws SQLException, IOException {
        return new ParallelTableCopy(tables, script).run(main, source, Math.min(workers, tables.size() - 1));
    }

    private List<TableData> run(Connection main, DataSource source, int workers) throws SQLException, IOException {
        if (workers < 1) {
            copyAll(main, true);
            return List.of(results);
        }
        String snapshot = exportSnapshot(main);
        Map<String, String> settings = outputSettings(main);
        workersRunning = workers;
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "dbsnap-data-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<Void>> running = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> worker(source, snapshot, settings)));
            }
            try {
                copyAll(main, true);
            } catch (SQLException | IOException | RuntimeException e) {
                if (!(e instanceof StoppedByAnotherConnection)) {
                    mainFailure = e;
                }
                fail(e);
            }
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    fail(e.getCause() instanceof Exception ex ? ex : new IOException(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(new InterruptedIOException("interrupted while waiting for the dump's workers"));
                }
            }
        } finally {
            pool.shutdownNow();
            deleteSpools();
        }
        Exception cause;
        synchronized (lock) {
            cause = mainFailure != null ? mainFailure : failure;
        }
        if (cause instanceof SQLException e) {
            throw e;
        } else if (cause instanceof IOException e) {
            throw e;
        } else if (cause instanceof RuntimeException e) {
            throw e;
        } else if (cause != null) {
            throw new IOException(cause);
        }
        return List.of(results);
    }

    private Void worker(DataSource source, String snapshot, Map<String, String> settings) throws SQLException, IOException {
        try {
            Connection connection;
            try {
                connection = source.getConnection();
            } catch (SQLException e) {
                // fewer connections just make the dump slower, not wrong
                LOG.warn("A worker connection of the parallel data dump could not be opened ({}); the others do its share.",
                        e.getMessage());
                return null;
            }
            try (connection) {
                // no lock timeout before SET TRANSACTION SNAPSHOT, which must come first; join() sets the dump's
                SnapshotTransaction.run(connection, null, c -> {
                    join(c, snapshot, settings);
                    copyAll(c, false);
                    return null;
                });
            }
            return null;
        } catch (SQLException | IOException | RuntimeException e) {
            fail(e);
            throw e;
        } finally {
            synchronized (lock) {
                workersRunning--;
                lock.notifyAll();
            }
        }
    }

    /** Makes a worker's transaction see what the dump's transaction sees, formatted as it formats it. */
    private static void join(Connection worker, String snapshot, Map<String, String> settings) throws SQLException {
        try (Statement s = worker.createStatement()) {
            // must be the transaction's first statement; the snapshot's id is the server's own text
            s.execute("SET TRANSACTION SNAPSHOT " + Literals.string(snapshot));
            s.execute("SET LOCAL row_security = off");
        }
        DumpSession.configure(worker);
        try (PreparedStatement set = worker.prepareStatement("SELECT pg_catalog.set_config(?, ?, true)")) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                set.setString(1, setting.getKey());
                set.setString(2, setting.getValue());
                set.executeQuery().close();
            }
        }
    }

    private static String exportSnapshot(Connection main) throws SQLException {
        try (Statement s = main.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_export_snapshot() AS snapshot")) {
            rs.next();
            return rs.getString("snapshot");
        }
    }

    private static Map<String, String> outputSettings(Connection main) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement s = main.prepareStatement("SELECT pg_catalog.current_setting(?) AS value")) {
            for (String name : OUTPUT_SETTINGS) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    settings.put(name, rs.getString("value"));
                }
            }
        }
        return settings;
    }

    /** Copies the tables this connection takes until none is left. */
    private void copyAll(Connection connection, boolean main) throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int index;
        while ((index = next(main)) >= 0) {
            Table table = tables.get(index);
            if (!main && !lockedWithoutWaiting(connection, table)) {
                LOG.debug("{} is left to the dump's connection: another session waits for a conflicting lock on it",
                        table.name().sql());
                synchronized (lock) {
                    handedBack.add(index);
                    lock.notifyAll();
                }
                continue;
            }
            TableSink sink = new TableSink(index);
            results[index] = TableCopy.write(copy, table, sink);
            sink.finish();
        }
    }

    /**
     * The next table for a connection to copy, or -1 when there is none. The dump's connection
     * also takes the tables workers could not lock, so it stays until every worker has finished.
     */
    private int next(boolean main) throws InterruptedIOException {
        synchronized (lock) {
            while (!failed) {
                if (main && !handedBack.isEmpty()) {
                    return handedBack.poll();
                }
                if (unclaimed < tables.size()) {
                    return unclaimed++;
                }
                if (!main || workersRunning == 0) {
                    return -1;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the dump's workers");
                }
            }
            return -1;
        }
    }

    private static boolean lockedWithoutWaiting(Connection worker, Table table) throws SQLException {
        // in a savepoint, so that a refused lock does not end the worker's transaction and snapshot
        Savepoint savepoint = worker.setSavepoint();
        try (Statement s = worker.createStatement()) {
            s.execute("LOCK TABLE ONLY " + table.name().sql() + " IN ACCESS SHARE MODE NOWAIT");
            worker.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            worker.rollback(savepoint);
            return false;
        }
    }

    /** Appends the complete spooled tables whose turn has come, then gives the turn to {@code next}. */
    private void passTurn(int next) throws IOException {
        while (true) {
            Path ready;
            synchronized (lock) {
                turn = next;
                if (next == tables.size() || !complete[next]) {
                    // its copier (or whoever takes it) writes it when it sees the turn is its own
                    return;
                }
                ready = spools[next];
                spools[next] = null;
            }
            append(ready);
            next++;
        }
    }

    private void append(Path spool) throws IOException {
        try (InputStream in = Files.newInputStream(spool)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                script.write(buffer, 0, n);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Stops every connection at its next row; the first failure is the one the dump reports. */
    private void fail(Exception e) {
        synchronized (lock) {
            if (failure == null) {
                failure = e;
            }
            failed = true;
            lock.notifyAll();
        }
    }

    private void deleteSpools() {
        synchronized (lock) {
            for (Path spool : spools) {
                if (spool != null) {
                    try {
                        Files.deleteIfExists(spool);
                    } catch (IOException e) {
                        LOG.warn("Could not delete the temporary file {}: {}", spool, e.getMessage());
                    }
                }
            }
            Arrays.fill(spools, null);
        }
    }

    /**
     * Where one table's COPY block goes: into the script while it is the table's turn, into a
     * temporary file until then.
     */
    private final class TableSink extends OutputStream {

        private final int index;
        private boolean direct;
        private Path spool;
        private OutputStream spooled;

        TableSink(int index) {
            this.index = index;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (failed) {
                throw new StoppedByAnotherConnection();
            }
            if (!direct && turn == index) {
                takeTurn();
            }
            if (direct) {
                script.write(bytes, offset, length);
            } else {
                spooled().write(bytes, offset, length);
            }
        }

        private OutputStream spooled() throws IOException {
            if (spooled == null) {
                Path file = Files.createTempFile("dbsnap-table-", ".copy");
                synchronized (lock) {
                    // known from now on, so that it is deleted even if the dump fails
                    spools[index] = file;
                }
                spool = file;
                spooled = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
            }
            return spooled;
        }

        /** Appends what was spooled so far; from now on rows go straight into the script. */
        private void takeTurn() throws IOException {
            if (spooled != null) {
                spooled.close();
                spooled = null;
                synchronized (lock) {
                    spools[index] = null;
                }
                append(spool);
            }
            direct = true;
        }

        /** Called when the table's block is complete. */
        void finish() throws IOException {
            if (!direct) {
                if (spooled != null) {
                    spooled.close();
                    spooled = null;
                }
                synchronized (lock) {
                    complete[index] = true;
                    if (turn != index) {
                        // whoever passes the turn to this table appends it
                        return;
                    }
                    // the turn came after the last row
                    spools[index] = null;
                }
                if (spool != null) {
                    append(spool);
                }
            }
            passTurn(index + 1);
        }
    }

    /** What a connection's copy fails with when another connection's failure stopped the dump. */
    private static final class StoppedByAnotherConnection extends IOException {

        private static final long serialVersionUID = 1L;

        StoppedByAnotherConnection() {
            super("the dump stopped: another of its connections failed");
        }
    }
}
