package io.dbsnap.restore;

import io.dbsnap.store.TableFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the rows a restore loaded per table with the counts the snapshot recorded while it was
 * dumped; the server reports each COPY's count, so no table has to be scanned again.
 */
final class RowCounts {

    private RowCounts() {
    }

    static List<String> differences(List<TableFacts> recorded, Map<String, Long> loaded) {
        List<String> differences = new ArrayList<>();
        for (TableFacts table : recorded) {
            Long rows = loaded.get(table.table());
            if (rows == null) {
                differences.add("table " + table.table() + ": the snapshot has " + rows(table.rows())
                        + ", but none were loaded into it");
            } else if (rows != table.rows()) {
                differences.add("table " + table.table() + ": the snapshot has " + rows(table.rows()) + ", " + rows
                        + (rows == 1 ? " was" : " were") + " loaded");
            }
        }
        return differences;
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
