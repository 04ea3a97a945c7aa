package io.dbsnap.bench;

import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many objects of each kind the user schemas of a database hold, counted in
 * {@code pg_catalog}: equal counts in source and target show that a restore created everything,
 * so a restore that failed or skipped work cannot pass for a fast one.
 */
record CatalogCensus(long tables, long indexes, long constraints, long triggers, long policies, long functions) {

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
            + " AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'";

    private static final String SQL = "SELECT"
            + " (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS + "),"
            + " (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE c.relkind IN ('i', 'I') AND " + USER_SCHEMAS + "),"
            + " (SELECT count(*) FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_namespace n ON n.oid = co.connamespace"
            + "   WHERE " + USER_SCHEMAS + "),"
            + " (SELECT count(*) FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
            + "   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND " + USER_SCHEMAS + "),"
            + " (SELECT count(*) FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
            + "   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS + "),"
            + " (SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + "   WHERE " + USER_SCHEMAS + ")";

    static CatalogCensus of(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SQL)) {
            rs.next();
            return new CatalogCensus(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6));
        }
    }

    /**
     * @throws IllegalStateException when {@code target}, restored by {@code contender}, does not
     *                               hold what this census counted
     */
    void requireSameIn(TestDatabase target, String contender) throws SQLException {
        CatalogCensus restored = of(target);
        if (!restored.equals(this)) {
            throw new IllegalStateException(contender + " restored an incomplete catalog into " + target.name()
                    + ": expected " + this + ", found " + restored);
        }
    }
}
