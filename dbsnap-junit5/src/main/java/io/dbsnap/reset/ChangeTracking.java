package io.dbsnap.reset;

import io.dbsnap.dumper.TrackingObjects;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Knows which tables a test changed without reading them: every tracked table gets a statement
 * trigger ({@code AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ... FOR EACH STATEMENT}) that
 * advances a sequence of its own in schema {@value TrackingObjects#SCHEMA}. A table changed when
 * its sequence moved. Why this shape:
 * <ul>
 *   <li>sequences are not transactional and take no lock another session waits for, so two test
 *       transactions writing the same tables never wait on (or deadlock over) the tracking; a
 *       rolled-back statement still counts, which only costs an unneeded reload;</li>
 *   <li>one statement trigger per statement, not per row: a bulk insert pays one call;</li>
 *   <li>{@code ENABLE ALWAYS}, so the trigger fires also under {@code session_replication_role =
 *       replica}, which fixture loaders use to skip foreign key checks; a test that disables it
 *       ({@code DISABLE TRIGGER ALL}) changes the catalog, which {@link CatalogState} notices;</li>
 *   <li>{@code SECURITY DEFINER}, so that roles the test runs as need no right on dbsnap's schema.</li>
 * </ul>
 * dbsnap's dumper leaves these objects out of snapshots, diffs and verifications; pg_dump shows
 * them while they exist, and {@link #remove} takes them all away.
 */
final class ChangeTracking {

    private static final String SCHEMA = TrackingObjects.SCHEMA;

    private ChangeTracking() {
    }

    /** Installs the tracking on every table of {@code inventory}, in the caller's transaction. */
    static void install(Connection connection, RelationInventory inventory) throws SQLException {
        StringBuilder sql = new StringBuilder()
                .append("DROP SCHEMA IF EXISTS ").append(SCHEMA).append(" CASCADE;")
                .append("CREATE SCHEMA ").append(SCHEMA).append(";")
                .append("COMMENT ON SCHEMA ").append(SCHEMA).append(" IS 'dbsnap: which tables tests changed, for fast"
                        + " resets; removed when the tests end';")
                .append("CREATE FUNCTION ").append(SCHEMA).append(".track() RETURNS trigger LANGUAGE plpgsql")
                .append(" SECURITY DEFINER SET search_path = pg_catalog AS $dbsnap$ BEGIN")
                .append(" PERFORM pg_catalog.nextval(pg_catalog.format('").append(SCHEMA)
                .append(".%I', 't_' || TG_RELID)::pg_catalog.regclass); RETURN NULL; END $dbsnap$;");
        for (Relation table : inventory.trackedTables()) {
            sql.append("CREATE SEQUENCE ").append(SCHEMA).append(".t_").append(table.oid()).append(";")
                    .append("CREATE TRIGGER ").append(TrackingObjects.TRIGGER)
                    .append(" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ").append(table.name())
                    .append(" FOR EACH STATEMENT EXECUTE FUNCTION ").append(SCHEMA).append(".track();")
                    .append("ALTER TABLE ").append(table.name()).append(" ENABLE ALWAYS TRIGGER ")
                    .append(TrackingObjects.TRIGGER).append(";");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql.toString());
        }
    }

    /** Removes every tracking object; the triggers go with their function. */
    static void remove(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** How far each table's sequence has moved, by table oid; 0 for one never moved. */
    static Map<Long, Long> counters(Connection connection) throws SQLException {
        Map<Long, Long> counters = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.relname, pg_catalog.pg_sequence_last_value(c.oid)"
                     + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = '" + SCHEMA + "' AND c.relkind = 'S'")) {
            while (rs.next()) {
                counters.put(Long.parseLong(rs.getString(1).substring(2)), rs.getLong(2));
            }
        }
        return counters;
    }
}
