package io.dbsnap.dumper.internal.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds locks on the database's relations, from {@code pg_locks} and
 * {@code pg_stat_activity}: what a failure after a {@code lock_timeout} tells the user, so that
 * "waited too long for a lock" comes with the table and the session to look at. Asked after the
 * failed transaction was rolled back, while the other session usually still holds its lock.
 */
public final class LockHolders {

    /** The SQLSTATE of a lock wait that ran out of {@code lock_timeout}. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final Logger LOG = LoggerFactory.getLogger(LockHolders.class);
    private static final int SHOWN = 3;

    private static final String QUERY = "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'"
            + " WHEN 'S' THEN 'sequence' WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' ELSE 'table' END AS kind,"
            + " pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS relation,"
            + " l.mode, l.pid, a.application_name, a.usename, a.state, a.state_change, a.xact_start"
            + " FROM pg_catalog.pg_locks l"
            + " JOIN pg_catalog.pg_class c ON c.oid = l.relation"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_catalog.pg_backend_pid()"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"
            + " AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " AND (NOT ? OR l.mode = 'AccessExclusiveLock')"
            + " ORDER BY a.xact_start NULLS LAST, 2";

    /**
     * A lock another session holds.
     *
     * @param kind        table, view, sequence, ...
     * @param relation    its qualified name
     * @param mode        such as {@code AccessShareLock}
     * @param since       when the session's state began ({@code state_change})
     * @param transaction when its transaction began ({@code xact_start}): the lock is held since then at most
     */
    public record Holder(String kind, String relation, String mode, int pid, String application, String user,
                         String state, Optional<Timestamp> since, Optional<Timestamp> transaction) {

        /** {@code table app.accounts: AccessShareLock held by server process 1234 (application psql, ...)}. */
        public String describe() {
            StringBuilder text = new StringBuilder(kind).append(' ').append(relation).append(": ").append(mode)
                    .append(" held by server process ").append(pid).append(" (");
            List<String> parts = new ArrayList<>();
            parts.add("application_name '" + (application == null ? "" : application) + "'");
            if (user != null) {
                parts.add("user " + user);
            }
            if (state != null) {
                parts.add(state + since.map(t -> " since " + t.toInstant()).orElse(""));
            }
            transaction.ifPresent(t -> parts.add("transaction open since " + t.toInstant()));
            return text.append(String.join(", ", parts)).append(')').toString();
        }
    }

    private LockHolders() {
    }

    /**
     * The locks other sessions hold on relations of the connection's database (not the system's).
     *
     * @param exclusiveOnly only {@code ACCESS EXCLUSIVE} locks: the only ones a reader waits for
     */
    public static List<Holder> read(Connection connection, boolean exclusiveOnly) throws SQLException {
        List<Holder> holders = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(QUERY)) {
            s.setBoolean(1, exclusiveOnly);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    holders.add(new Holder(rs.getString("kind"), rs.getString("relation"), rs.getString("mode"), rs.getInt("pid"),
                            rs.getString("application_name"), rs.getString("usename"), rs.getString("state"),
                            Optional.ofNullable(rs.getTimestamp("state_change")),
                            Optional.ofNullable(rs.getTimestamp("xact_start"))));
                }
            }
        }
        return holders;
    }

    /**
     * What to tell about the locks that made a wait time out, for a message: the holders, those
     * on a relation {@code statement} names first. Never fails: a failure to read them is said.
     *
     * @param statement the statement that waited, when known; "" otherwise
     */
    public static String explain(Connection connection, boolean exclusiveOnly, String statement) {
        List<Holder> holders;
        try {
            if (connection.isClosed() || !connection.getAutoCommit()) {
                return "";
            }
            holders = new ArrayList<>(read(connection, exclusiveOnly));
        } catch (SQLException e) {
            LOG.debug("Could not read who holds the locks", e);
            return " (Who holds the lock could not be read: " + e.getMessage() + ".)";
        }
        if (holders.isEmpty()) {
            return " No other session holds a lock on a table of the database any more: the one that did has"
                    + " finished meanwhile.";
        }
        holders.sort((a, b) -> Boolean.compare(!statement.contains(a.relation()), !statement.contains(b.relation())));
        StringBuilder text = new StringBuilder(" Held by another session: ");
        for (int i = 0; i < Math.min(SHOWN, holders.size()); i++) {
            text.append(i == 0 ? "" : "; ").append(holders.get(i).describe());
        }
        if (holders.size() > SHOWN) {
            text.append("; and ").append(holders.size() - SHOWN).append(" more");
        }
        return text.append('.').toString();
    }
}
