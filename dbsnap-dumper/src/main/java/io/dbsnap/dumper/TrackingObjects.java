package io.dbsnap.dumper;

/**
 * The objects dbsnap itself puts into a database while it tracks changes for fast test resets
 * (module {@code dbsnap-junit5}): one schema, in each table a statement trigger that calls a
 * function of that schema, and (for a superuser) event triggers that call another. They are not the user's: no snapshot, diff or restore verification
 * reads them, so that a snapshot taken while they exist equals one taken without them.
 */
public final class TrackingObjects {

    /** The schema that holds the change counters and the trigger function. */
    public static final String SCHEMA = "dbsnap_reset";

    /** The name of the statement trigger on each tracked table. */
    public static final String TRIGGER = "dbsnap_reset_track";

    private TrackingObjects() {
    }

    /** SQL: whether the function {@code functionOid} (a column or expression) is not one of dbsnap's tracking functions. */
    static String notTrackingFunction(String functionOid) {
        return " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc tp JOIN pg_catalog.pg_namespace tn ON tn.oid = tp.pronamespace"
                + " WHERE tp.oid = " + functionOid + " AND tn.nspname = '" + SCHEMA + "') ";
    }
}
