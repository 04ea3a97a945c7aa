package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.View;
import io.dbsnap.errors.DbSnapException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the server's lock table can hold the locks of a restore. A transaction keeps a lock on
 * every relation it creates or drops until it ends, and the server's shared lock table has room
 * for {@code max_locks_per_transaction} locks per server process (the setting is not a
 * per-transaction limit). A restore of thousands of tables in one transaction can exceed it and
 * would fail halfway with "out of shared memory"; it is refused before it starts instead.
 *
 * @param maxLocksPerTransaction the server's {@code max_locks_per_transaction}
 * @param processes              the server processes and prepared transactions the table is sized for
 */
record LockBudget(int maxLocksPerTransaction, int processes) {

    /** Locks a relation takes with its TOAST table and the TOAST table's index. */
    private static final int WITH_TOAST = 3;
    /** The system catalogs and their indexes that reading the current catalog keeps locked. */
    static final int CATALOG_READ = 200;

    static LockBudget of(Connection connection) throws SQLException {
        // the lock table is sized for MaxBackends + max_prepared_transactions (lock.c)
        String sql = "SELECT current_setting('max_locks_per_transaction')::int, current_setting('max_connections')::int"
                + " + current_setting('autovacuum_max_workers')::int + 1 + current_setting('max_worker_processes')::int"
                + " + current_setting('max_wal_senders')::int + current_setting('max_prepared_transactions')::int";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new LockBudget(rs.getInt(1), rs.getInt(2));
        }
    }

    int capacity() {
        return maxLocksPerTransaction * processes;
    }

    /**
     * An upper estimate of the locks that creating (or dropping) the catalog's objects takes. A
     * relation is locked with its TOAST table and index; a materialized view twice over, since a
     * refresh builds a new heap; every other object (type, function, constraint, default, trigger,
     * policy, ...) takes an object lock when it is dropped.
     */
    static int locksFor(Catalog catalog) {
        int locks = catalog.indexes().size() + catalog.sequences().size();
        for (Table t : catalog.tables()) {
            locks += (t.isPartitioned() ? 1 : WITH_TOAST) + t.constraints().size();
            locks += (int) t.columns().stream().filter(c -> c.identitySequence().isPresent() || c.defaultValue().isPresent())
                    .count();
        }
        for (View v : catalog.views()) {
            locks += v.materialized() ? 2 * WITH_TOAST : 1;
        }
        return locks + catalog.schemas().size() + catalog.extensions().size() + catalog.collations().size()
                + catalog.types().size() + catalog.routines().size() + catalog.operators().size() + catalog.casts().size()
                + catalog.textSearchDictionaries().size() + catalog.textSearchConfigurations().size()
                + catalog.triggers().size() + catalog.rules().size() + catalog.statistics().size()
                + catalog.policies().size() + catalog.publications().size() + catalog.eventTriggers().size()
                + catalog.largeObjects().size();
    }

    /** @throws DbSnapException naming the setting and the value needed, when {@code needed} does not fit */
    void check(int needed) {
        if (needed > capacity()) {
            int perProcess = (needed + processes - 1) / processes;
            // room for the locks the rest of the server holds meanwhile
            int advised = perProcess + perProcess / 4 + 1;
            throw new DbSnapException("This restore takes about " + needed + " locks in its one transaction (a lock per"
                    + " table, index and sequence it creates or drops), but the server's lock table holds "
                    + capacity() + " (max_locks_per_transaction = " + maxLocksPerTransaction + ", for " + processes
                    + " server processes). It would fail halfway with \"out of shared memory\", so nothing was changed."
                    + " Set max_locks_per_transaction to at least " + advised + " (postgresql.conf, then restart the"
                    + " server) and restore again.");
        }
    }
}
