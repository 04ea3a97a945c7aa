package io.dbsnap.restore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The settings a restore's transaction takes for the work that follows its data: the index builds
 * and the checks of constraints added after the rows. Set with {@code set_config(..., true)}, that
 * is {@code SET LOCAL}: they end with the transaction, committed or rolled back, and never outlive
 * it on a connection a pool hands on.
 *
 * <p>Each is only ever raised, never lowered: a server (or role, or session) configured with more
 * keeps what it has.
 * <ul>
 * <li>{@code maintenance_work_mem}: the memory of each {@code CREATE INDEX} sort and foreign key
 * validation (the server's default is 64 MB); a sort that fits needs no temporary files. It is
 * a limit, not an allocation: small tables use what they need.</li>
 * <li>{@code max_parallel_maintenance_workers} (PostgreSQL 11+): the workers of a B-tree index build,
 * up to the server's pool of parallel workers ({@code max_parallel_workers}) and at most
 * {@value #MOST_INDEX_WORKERS}. The server gives a build workers by its table's size (none below
 * {@code min_parallel_table_scan_size}, 8 MB by default), and the workers share
 * {@code maintenance_work_mem}, so more would cut each one's memory for little gain.</li>
 * </ul>
 * {@code synchronous_commit} is left as the server has it: turning it off saves one WAL flush at
 * the COMMIT (milliseconds), and a crash right after it could lose a restore already reported as
 * done.
 */
final class MaintenanceSettings {

    /** The most workers an index build of a restore is offered. */
    static final int MOST_INDEX_WORKERS = 4;

    private static final String RAISE = "SELECT pg_catalog.set_config('maintenance_work_mem',"
            + " greatest(m.setting::bigint, ?)::text || 'kB', true),"
            + " pg_catalog.set_config('max_parallel_maintenance_workers',"
            + " greatest(w.setting::int, least(p.setting::int, " + MOST_INDEX_WORKERS + "))::text, true)"
            + " FROM pg_catalog.pg_settings m, pg_catalog.pg_settings w, pg_catalog.pg_settings p"
            + " WHERE m.name = 'maintenance_work_mem' AND w.name = 'max_parallel_maintenance_workers'"
            + " AND p.name = 'max_parallel_workers'";

    private MaintenanceSettings() {
    }

    /**
     * Raises the settings for the rest of the current transaction.
     *
     * @param maintenanceWorkMemMegabytes the {@code maintenance_work_mem} to take at least; 0 keeps
     *                                    the server's
     */
    static void raise(Connection connection, int maintenanceWorkMemMegabytes) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RAISE)) {
            s.setLong(1, maintenanceWorkMemMegabytes * 1024L);
            try (ResultSet rs = s.executeQuery()) {
                rs.next(); // set_config has done its work: nothing to read
            }
        }
    }
}
