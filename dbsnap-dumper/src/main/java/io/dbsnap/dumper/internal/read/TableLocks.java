package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Table;
import io.dbsnap.errors.LockNotAvailableException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes an {@code ACCESS SHARE} lock on every dumped table for the rest of the dump's
 * transaction, as pg_dump does: nobody can drop or alter a table while its definition and rows
 * are being read, while reads and writes of its rows go on. The locks are requested in one
 * pipelined batch; each waits at most the lock timeout, after which the dump stops and names
 * the table. The timeout stays set for the rest of the transaction (as {@link SnapshotTransaction}
 * set it first): every later wait for a lock ends too.
 */
public final class TableLocks {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) ");

    private TableLocks() {
    }

    public static void lock(Connection connection, List<Table> tables, Duration timeout) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = " + Math.max(1, timeout.toMillis()));
            for (Table t : tables) {
                s.addBatch("LOCK TABLE ONLY " + t.name().sql() + " IN ACCESS SHARE MODE");
            }
            try {
                s.executeBatch();
            } catch (BatchUpdateException e) {
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                if (!LOCK_NOT_AVAILABLE.equals(cause.getSQLState())) {
                    throw e;
                }
                int failed = failedEntry(e);
                String table = failed >= 0 && failed < tables.size() ? "table " + tables.get(failed).name().sql() : "a table";
                throw new LockNotAvailableException("Could not lock " + table + " for reading within " + timeout.toMillis()
                        + " ms: another session holds a lock that conflicts (an ALTER TABLE, a migration, a VACUUM FULL"
                        + " ...). Nothing was written. Try again when it has finished, or allow a longer lock timeout.", e);
            }
        }
    }

    /**
     * The index of the batch entry that failed. pgjdbc marks every entry of a failed batch as
     * failed, but names the one the server refused in its message ("Batch entry 3 ...").
     */
    private static int failedEntry(BatchUpdateException e) {
        Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
