package io.dbsnap.dumper;

import io.dbsnap.testkit.CatalogOracle;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of a database as the convergence test compares it: {@code pg_dump --schema-only}
 * (owners and privileges included), or, on a server newer than the machine's pg_dump, the
 * testkit's {@link CatalogOracle} with owners and privileges.
 *
 * <p>The one difference allowed between a migrated database and its target is the order of
 * columns: {@code ALTER TABLE ... ADD COLUMN} appends a column at the end, where B may have
 * declared it in the middle, and no ALTER can move it (only recreating the table, which would not
 * keep the rows in place). So the column lines inside each {@code CREATE TABLE} block of the dump
 * are sorted, and so are the catalog oracle's column lines of each table, their numbers blanked.
 * Nothing else is normalized.
 */
final class ComparableSchema {

    private ComparableSchema() {
    }

    static String of(TestDatabase db, boolean pgDumpReadsServer) {
        return pgDumpReadsServer
                ? sortColumnsInCreateTable(PgDump.schemaOnly(db))
                : sortColumnLines(CatalogOracle.describe(db, true).replaceAll("(?m)^(table .*? column )\\d+ ", "$1# "));
    }

    /**
     * Sorts each run of the catalog oracle's column lines of one table ({@code table NAME column # ...}),
     * as {@link #sortColumnsInCreateTable} sorts a dump's: with the numbers blanked, the lines still
     * come in column order.
     */
    static String sortColumnLines(String description) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runTable = null;
        for (String line : description.split("\n", -1)) {
            int column = line.startsWith("table ") ? line.indexOf(" column # ") : -1;
            String table = column < 0 ? null : line.substring(0, column);
            if (runTable != null && !runTable.equals(table)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            runTable = table;
            if (table != null) {
                run.add(line);
            } else {
                out.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out);
    }

    /** Sorts the lines between {@code CREATE ... TABLE name (} and the line starting with {@code )}. */
    static String sortColumnsInCreateTable(String dump) {
        List<String> out = new ArrayList<>();
        List<String> block = null;
        for (String line : dump.split("\n", -1)) {
            if (block == null) {
                out.add(line);
                if (line.startsWith("CREATE ") && line.contains(" TABLE ") && line.endsWith("(")) {
                    block = new ArrayList<>();
                }
            } else if (line.startsWith(")")) {
                block.sort(null);
                out.addAll(block);
                out.add(line);
                block = null;
            } else {
                // the last column has no comma: drop every comma so the sorted lines compare
                block.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
            }
        }
        if (block != null) {
            out.addAll(block);
        }
        return String.join("\n", out);
    }
}
