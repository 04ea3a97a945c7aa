package io.dbsnap.bench;

import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges each timed run's result of the data benchmark, so that a contender that is fast because
 * it dropped rows fails the benchmark instead of winning it. The judges are the source database
 * (its row counts, and an order-free digest of each table's rows as the server prints them) and
 * pg_dump's file of the same rows; none is dbsnap code. Every check throws
 * {@link IllegalStateException} naming what differs.
 */
final class ResultCheck {

    private ResultCheck() {
    }

    /** Each table's row count in {@code db}, by schema-qualified name, as {@code COPY} names it. */
    static Map<String, Long> rowCounts(TestDatabase db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : userTables(db)) {
            counts.put(table, query(db, "SELECT count(*) FROM ONLY " + table));
        }
        return counts;
    }

    /**
     * Each table's row count and the sum of its rows' 64-bit MD5 prefixes (of {@code row::text}):
     * the same rows in any physical order give the same value, a missing, extra or changed row
     * another; no sort, so it is cheap on tables larger than memory.
     */
    static Map<String, String> contents(TestDatabase db) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        for (String table : userTables(db)) {
            contents.put(table, queryText(db, "SELECT count(*) || ' rows, digest ' || coalesce(sum(('x' ||"
                    + " left(md5(t::text), 16))::bit(64)::bigint::numeric), 0) FROM ONLY " + table + " t"));
        }
        return contents;
    }

    /** pg_dump's (or any) data dump holds exactly the source's tables with their row counts. */
    static void requireRowCounts(String what, Path dump, Map<String, Long> sourceCounts) throws IOException {
        Map<String, Long> dumped = new TreeMap<>();
        CopyBlocks.of(dump).forEach((table, rows) -> dumped.put(table, rows.count()));
        if (!dumped.equals(sourceCounts)) {
            throw new IllegalStateException(what + " does not hold the source's rows: rows per table in the dump "
                    + dumped + ", in the source " + sourceCounts);
        }
    }

    /** {@code dump} holds the same rows, table by table (count and order-free digest), as {@code reference}. */
    static void requireSameRows(String what, Path dump, Path reference) throws IOException {
        Map<String, CopyBlocks.Rows> dumped = CopyBlocks.of(dump);
        Map<String, CopyBlocks.Rows> expected = CopyBlocks.of(reference);
        if (!dumped.equals(expected)) {
            List<String> differing = new ArrayList<>();
            for (String table : union(dumped, expected)) {
                CopyBlocks.Rows a = dumped.get(table);
                CopyBlocks.Rows b = expected.get(table);
                if (a == null || !a.equals(b)) {
                    differing.add(table + ": " + (a == null ? "missing" : a.count() + " rows") + " vs "
                            + (b == null ? "missing" : b.count() + " rows") + " in " + reference.getFileName());
                }
            }
            throw new IllegalStateException(what + " does not hold the rows of " + reference.getFileName() + ": "
                    + String.join("; ", differing));
        }
    }

    /** The database {@code restored} holds the source's rows ({@link #contents}). */
    static void requireContents(String what, TestDatabase restored, Map<String, String> sourceContents)
            throws SQLException {
        Map<String, String> actual = contents(restored);
        if (!actual.equals(sourceContents)) {
            throw new IllegalStateException(what + " did not load the source's rows: " + actual + " instead of "
                    + sourceContents);
        }
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeMap<String, Object> all = new TreeMap<>(a);
        all.putAll(b);
        return List.copyOf(all.keySet());
    }

    private static List<String> userTables(TestDatabase db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                        + " AND n.nspname !~ '^pg_' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long query(TestDatabase db, String sql) throws SQLException {
        return Long.parseLong(queryText(db, sql));
    }

    private static String queryText(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
