package io.dbsnap.diff;

import io.dbsnap.store.TableFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the rows of two sides with data, table by table, from their row counts and checksums:
 * a count that differs, or an equal count with another checksum ("contents changed"). Tables
 * are matched by name as the snapshots wrote it.
 */
final class DataComparison {

    private DataComparison() {
    }

    /** The data changes; none unless both sides have data. */
    static List<DataChange> compare(Optional<List<TableFacts>> before, Optional<List<TableFacts>> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        Map<String, TableFacts> first = byTable(before.get());
        Map<String, TableFacts> second = byTable(after.get());
        List<DataChange> changes = new ArrayList<>();
        first.forEach((table, a) -> {
            TableFacts b = second.get(table);
            if (b == null) {
                changes.add(new DataChange(table, schemaOf(table), DataChange.Kind.REMOVED, Optional.of(a.rows()),
                        Optional.empty()));
            } else if (a.rows() != b.rows()) {
                changes.add(new DataChange(table, schemaOf(table), DataChange.Kind.ROWS_CHANGED, Optional.of(a.rows()),
                        Optional.of(b.rows())));
            } else if (!a.sha256().equals(b.sha256())) {
                changes.add(new DataChange(table, schemaOf(table), DataChange.Kind.CONTENTS_CHANGED, Optional.of(a.rows()),
                        Optional.of(b.rows())));
            }
        });
        second.forEach((table, b) -> {
            if (!first.containsKey(table)) {
                changes.add(new DataChange(table, schemaOf(table), DataChange.Kind.ADDED, Optional.empty(),
                        Optional.of(b.rows())));
            }
        });
        return changes;
    }

    private static Map<String, TableFacts> byTable(List<TableFacts> facts) {
        Map<String, TableFacts> map = new LinkedHashMap<>();
        facts.forEach(f -> map.put(f.table(), f));
        return map;
    }

    /** The schema of {@code schema.table} as SQL writes it, unquoted; empty for an unqualified name. */
    private static String schemaOf(String table) {
        List<String> parts = TargetName.identifiers(table);
        return parts.size() >= 2 ? parts.get(0) : "";
    }
}
