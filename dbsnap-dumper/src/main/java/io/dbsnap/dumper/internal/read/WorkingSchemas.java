package io.dbsnap.dumper.internal.read;

/**
 * Schemas whose name begins with {@code dbsnap_} are working schemas: dbsnap, and tools built on
 * it, keep their own objects there while they work on a database (the fast test reset of
 * {@code dbsnap-reset} keeps its change counters and trigger functions in one). They are not the
 * user's: no snapshot, diff or restore verification reads them, nor the triggers and event
 * triggers whose function lives in one, so that a snapshot taken while such objects exist equals
 * one taken without them. A general rule, documented in the README, so that the dumper needs to
 * know no tool's names.
 */
final class WorkingSchemas {

    /** SQL, a regular expression over {@code nspname}: the names of working schemas. */
    private static final String NAME = "'^dbsnap_'";

    private WorkingSchemas() {
    }

    /** SQL: whether the schema named {@code nspname} (a column or expression) is not a working schema. */
    static String notWorkingSchema(String nspname) {
        return " " + nspname + " !~ " + NAME + " ";
    }

    /** SQL: whether the function {@code functionOid} (a column or expression) does not live in a working schema. */
    static String notWorkingFunction(String functionOid) {
        return " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc tp JOIN pg_catalog.pg_namespace tn ON tn.oid = tp.pronamespace"
                + " WHERE tp.oid = " + functionOid + " AND tn.nspname ~ " + NAME + ") ";
    }
}
