package io.dbsnap.reset;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Knows which tables a test changed without reading them: every tracked table gets a statement
 * trigger ({@code AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ... FOR EACH STATEMENT}) that
 * advances a sequence of its own in schema {@value #SCHEMA}. A table changed when
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
 * For a superuser, the same is done for changes of structure: event triggers ({@value #DDL_TRIGGER}
 * at the end of every DDL command, {@value #DROP_TRIGGER} for every drop) advance one more
 * sequence, {@code ddl}, so that noticing a change of structure costs no scan of the system
 * catalogs. Commands on temporary objects do not count (they go with their session), nor does
 * {@code REFRESH MATERIALIZED VIEW} (a change of rows, which the reset checks itself).
 *
 * <p>Everything lives in, or calls a function of, schema {@value #SCHEMA}, a name that begins
 * with {@code dbsnap_}: dbsnap's dumper leaves such working schemas out of snapshots, diffs and
 * verifications, and with them the triggers and event triggers whose function lives in one (a
 * rule of the dumper's, documented in the README; it knows no name of the reset's). pg_dump shows
 * them while they exist, and {@link #remove} takes them all away.
 */
final class ChangeTracking {

    /** The schema of the counters and trigger functions: a working schema, by its prefix {@code dbsnap_}. */
    static final String SCHEMA = "dbsnap_reset";
    /** The statement trigger on each tracked table. */
    static final String TRIGGER = "dbsnap_reset_track";
    static final String DDL_TRIGGER = "dbsnap_reset_ddl";
    static final String DROP_TRIGGER = "dbsnap_reset_drop";

    private static final String DDL_SEQUENCE = "ddl";

    private ChangeTracking() {
    }

    /** Where the counters stood at one moment. */
    record Counters(Map<Long, Long> tables, long ddl) {

        /** The tables (by oid) whose counter moved since {@code earlier}. */
        List<Long> tablesChangedSince(Counters earlier) {
            return earlier.tables.entrySet().stream().filter(e -> !e.getValue().equals(tables.get(e.getKey())))
                    .map(Map.Entry::getKey).toList();
        }
    }

    /**
     * Installs the tracking on every table of {@code inventory}, in the caller's transaction; with
     * {@code structure} (which needs a superuser), the event triggers too.
     */
    static void install(Connection connection, RelationInventory inventory, boolean structure) throws SQLException {
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
                    .append("CREATE TRIGGER ").append(TRIGGER)
                    .append(" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ").append(table.name())
                    .append(" FOR EACH STATEMENT EXECUTE FUNCTION ").append(SCHEMA).append(".track();")
                    .append("ALTER TABLE ").append(table.name()).append(" ENABLE ALWAYS TRIGGER ")
                    .append(TRIGGER).append(";");
        }
        if (structure) {
            sql.append(structureTracking());
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql.toString());
        }
    }

    /**
     * The event triggers: a drop counts unless every object it dropped was temporary; any other
     * command counts unless all the objects it reports are temporary ({@code pg_temp}). A DROP
     * command's end is left to the drop event, except {@code DROP OWNED}, which also revokes.
     */
    private static String structureTracking() {
        String bump = "PERFORM pg_catalog.nextval('" + SCHEMA + "." + DDL_SEQUENCE + "');";
        return "CREATE SEQUENCE " + SCHEMA + "." + DDL_SEQUENCE + ";"
                + "CREATE FUNCTION " + SCHEMA + ".track_ddl() RETURNS event_trigger LANGUAGE plpgsql"
                + " SECURITY DEFINER SET search_path = pg_catalog AS $dbsnap$ BEGIN"
                + " IF TG_EVENT = 'sql_drop' THEN"
                + "   IF EXISTS (SELECT FROM pg_catalog.pg_event_trigger_dropped_objects() WHERE NOT is_temporary) THEN "
                + bump + " END IF;"
                + " ELSIF TG_TAG = 'REFRESH MATERIALIZED VIEW' OR (TG_TAG LIKE 'DROP %' AND TG_TAG <> 'DROP OWNED') THEN"
                + "   NULL;"
                + " ELSIF NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger_ddl_commands())"
                + "    OR EXISTS (SELECT FROM pg_catalog.pg_event_trigger_ddl_commands()"
                + "               WHERE schema_name IS NULL OR schema_name !~ '^pg_temp') THEN "
                + bump
                + " END IF; END $dbsnap$;"
                + "CREATE EVENT TRIGGER " + DDL_TRIGGER + " ON ddl_command_end EXECUTE FUNCTION " + SCHEMA + ".track_ddl();"
                + "CREATE EVENT TRIGGER " + DROP_TRIGGER + " ON sql_drop EXECUTE FUNCTION " + SCHEMA + ".track_ddl();"
                // event triggers do not fire under session_replication_role = replica unless ALWAYS
                + "ALTER EVENT TRIGGER " + DDL_TRIGGER + " ENABLE ALWAYS;"
                + "ALTER EVENT TRIGGER " + DROP_TRIGGER + " ENABLE ALWAYS;";
    }

    /** Removes every tracking object; the triggers go with their functions. */
    static void remove(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** How far each counter has moved; 0 for one never moved, and for {@code ddl} when it is not installed. */
    static Counters counters(Connection connection) throws SQLException {
        Map<Long, Long> tables = new HashMap<>();
        long ddl = 0;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.relname, pg_catalog.pg_sequence_last_value(c.oid)"
                     + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = '" + SCHEMA + "' AND c.relkind = 'S'")) {
            while (rs.next()) {
                if (rs.getString(1).equals(DDL_SEQUENCE)) {
                    ddl = rs.getLong(2);
                } else {
                    tables.put(Long.parseLong(rs.getString(1).substring(2)), rs.getLong(2));
                }
            }
        }
        return new Counters(tables, ddl);
    }
}
