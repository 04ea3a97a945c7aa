package io.dbsnap.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What dbsnap's own session is waiting for, for the progress line: "waiting for a lock on table
 * app.orders (held by server process 4242)" says more than "preparing..." when another session's
 * lock holds the work up (an ALTER TABLE under a view the catalog read deparses, an open reader
 * of a table a restore replaces). It asks the server through a connection of its own, opened on
 * the first question, at most once a second; when it cannot ask, it stays quiet.
 */
final class LockWaitProbe implements Supplier<Optional<String>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LockWaitProbe.class);
    private static final long INTERVAL_NANOS = 1_000_000_000L;
    /** Sessions of this database with the probe's application_name (dbsnap's) waiting for a relation's lock. */
    private static final String QUERY = "SELECT CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '"
            + " WHEN 'S' THEN 'sequence ' ELSE 'table ' END || pg_catalog.quote_ident(n.nspname) || '.'"
            + " || pg_catalog.quote_ident(c.relname),"
            + " (SELECT pg_catalog.string_agg(b::text, ', ') FROM pg_catalog.unnest(pg_catalog.pg_blocking_pids(l.pid)) b)"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " JOIN pg_catalog.pg_class c ON c.oid = l.relation JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT l.granted AND l.locktype = 'relation' AND a.datname = pg_catalog.current_database()"
            + " AND a.application_name = pg_catalog.current_setting('application_name')"
            + " AND a.pid <> pg_catalog.pg_backend_pid() ORDER BY a.backend_start DESC LIMIT 1";

    private final Database database;
    private Connection connection;
    private boolean broken;
    private long askedAt;
    private Optional<String> last = Optional.empty();

    LockWaitProbe(Database database) {
        this.database = database;
    }

    /** The object waited for, with who holds it; empty when nothing waits or the server cannot be asked. */
    @Override
    public synchronized Optional<String> get() {
        long now = System.nanoTime();
        if (broken || (askedAt != 0 && now - askedAt < INTERVAL_NANOS)) {
            return last;
        }
        askedAt = now;
        try {
            if (connection == null) {
                connection = database.connect();
            }
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
                last = rs.next() ? Optional.of(rs.getString(1) + (rs.getString(2) == null ? ""
                        : " (held by server process " + rs.getString(2) + ")")) : Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not ask the server what dbsnap waits for: {}", e.getMessage());
            broken = true;
            last = Optional.empty();
        }
        return last;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Could not close the probe's connection: {}", e.getMessage());
            }
        }
    }
}
