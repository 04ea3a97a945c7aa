package io.dbsnap.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The data half of the fidelity oracle, beside {@link CatalogOracle}: every row of a database as
 * the server's own text, for servers newer than the machine's {@code pg_dump}. One line per
 * relation: each table, partition and populated materialized view with its row count and the MD5
 * of its rows' text in sorted order (so rows loaded back in another physical order compare
 * equal), and each sequence with its {@code last_value} and {@code is_called}. Two databases with
 * the same rows give equal lists; a changed, missing or extra row changes its relation's line.
 *
 * <p>System schemas and {@code dbsnap_reset} (the test reset's counters, which move with every
 * statement) are left out. Uses no dbsnap code, since it judges that code.
 */
public final class DataOracle {

    private DataOracle() {
    }

    /** The lines of {@code db}, sorted by relation name. */
    public static List<String> describe(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            return describe(connection);
        }
    }

    /** The lines of the database {@code connection} is connected to. */
    public static List<String> describe(Connection connection) throws SQLException {
        List<String[]> relations = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT c.oid::regclass::text, c.relkind FROM pg_catalog.pg_class c
                     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                     WHERE (c.relkind IN ('r', 'S') OR (c.relkind = 'm' AND c.relispopulated))
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'dbsnap_reset')
                       AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
                     ORDER BY 1""")) {
            while (rs.next()) {
                relations.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> lines = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            for (String[] relation : relations) {
                String name = relation[0];
                boolean sequence = relation[1].equals("S");
                String query = sequence
                        ? "SELECT last_value || ' ' || is_called FROM " + name
                        : "SELECT count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-')"
                                + " FROM ONLY " + name + " t";
                try (ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    lines.add((sequence ? "sequence " : "rows of ") + name + ": " + rs.getString(1));
                }
            }
        }
        return lines;
    }
}
