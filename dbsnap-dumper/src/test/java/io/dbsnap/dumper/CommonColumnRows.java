package io.dbsnap.dumper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data half of the convergence oracle: for every table that exists in A and in B, the rows of
 * the columns that exist in both (by name), as the server prints them, sorted, with their count.
 * Taken on A before the migration and again after it, the two must be equal: a migration keeps
 * every row of every surviving column.
 *
 * <p>A column whose type differs between A and B is compared as A's value cast to B's type (what
 * {@code ALTER COLUMN ... TYPE} without {@code USING} yields); where that cast does not exist on A
 * (B's type is new, or no cast applies) the column is left out, since its values after a
 * {@code USING} conversion are the case's choice, not a fact. Generated columns on either side are
 * left out: their values are recomputed by definition. A column of a composite type that gains or
 * loses attributes is compared per attribute both sides have. Uses only SQL over {@code pg_catalog}, no
 * dbsnap code.
 */
final class CommonColumnRows {

    private static final String COLUMNS = """
            SELECT c.oid::regclass::text, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   a.attgenerated <> '',
                   (SELECT pg_catalog.string_agg(ca.attname || E'\t' || pg_catalog.format_type(ca.atttypid, ca.atttypmod),
                           E'\n' ORDER BY ca.attnum)
                    FROM pg_catalog.pg_type ty JOIN pg_catalog.pg_attribute ca ON ca.attrelid = ty.typrelid
                    WHERE ty.oid = a.atttypid AND ty.typtype = 'c' AND ca.attnum > 0 AND NOT ca.attisdropped)
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname !~ '^pg_(toast|temp_)'
            ORDER BY 1, a.attnum""";

    /** What to query on each table: its expressions, one per common column. */
    private final Map<String, List<String>> expressions;

    private CommonColumnRows(Map<String, List<String>> expressions) {
        this.expressions = expressions;
    }

    /** The tables and common columns of {@code a} and {@code b}, with the casts that work on {@code a}. */
    static CommonColumnRows between(Connection a, Connection b) throws SQLException {
        Map<String, Map<String, Column>> before = columns(a);
        Map<String, Map<String, Column>> after = columns(b);
        Map<String, List<String>> expressions = new LinkedHashMap<>();
        for (var table : before.entrySet()) {
            Map<String, Column> target = after.get(table.getKey());
            if (target == null) {
                continue;
            }
            List<String> exprs = new ArrayList<>();
            for (Column column : table.getValue().values()) {
                Column other = target.get(column.name());
                if (other == null || column.generated() || other.generated()) {
                    continue;
                }
                String quoted = quote(column.name());
                if (column.type().equals(other.type()) && column.attributes() != null && other.attributes() != null
                        && !column.attributes().equals(other.attributes())) {
                    exprs.addAll(commonAttributes(quoted, column, other));
                    continue;
                }
                String expression = column.type().equals(other.type()) ? "t." + quoted : "t." + quoted + "::" + other.type();
                if (!expression.startsWith("t." + quoted + "::") || castWorks(a, table.getKey(), expression)) {
                    exprs.add(expression);
                }
            }
            expressions.put(table.getKey(), exprs);
        }
        return new CommonColumnRows(expressions);
    }

    /**
     * A column of a composite type whose attributes differ between A and B (ALTER TYPE ... ADD or
     * DROP ATTRIBUTE): its value prints with every attribute, so an added one, null, changes the
     * text ({@code (1,2)} becomes {@code (1,2,)}) while nothing A held changed. Such a column is
     * compared per attribute both sides have with the same type, and by whether it is null.
     */
    private static List<String> commonAttributes(String quoted, Column column, Column other) {
        List<String> kept = new ArrayList<>(List.of(column.attributes().split("\n")));
        kept.retainAll(List.of(other.attributes().split("\n")));
        List<String> exprs = new ArrayList<>();
        exprs.add("(t." + quoted + ")::text IS NULL");
        for (String attribute : kept) {
            exprs.add("(t." + quoted + ")." + quote(attribute.substring(0, attribute.indexOf('\t'))));
        }
        return exprs;
    }

    /** One line per common table: its name, row count and the MD5 of its sorted rows. */
    List<String> describe(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            for (var table : expressions.entrySet()) {
                String query = "SELECT count(*) || ' rows ' || coalesce(md5(string_agg(x, E'\\n' ORDER BY x COLLATE \"C\")), '-')"
                        + " FROM (SELECT ROW(" + String.join(", ", table.getValue()) + ")::text AS x FROM ONLY "
                        + table.getKey() + " t) q";
                try (ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    lines.add(table.getKey() + " " + table.getValue() + ": " + rs.getString(1));
                }
            }
        }
        return lines;
    }

    /** Whether {@code expression} evaluates on every row of {@code table}; {@code a} is in auto-commit mode. */
    private static boolean castWorks(Connection a, String table, String expression) {
        try (Statement s = a.createStatement()) {
            s.executeQuery("SELECT " + expression + " FROM ONLY " + table + " t").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Map<String, Map<String, Column>> columns(Connection connection) throws SQLException {
        Map<String, Map<String, Column>> tables = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(COLUMNS)) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)));
            }
        }
        return tables;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** @param attributes for a composite type, its attributes, one name, tab, type a line; else null */
    private record Column(String name, String type, boolean generated, String attributes) {
    }
}
