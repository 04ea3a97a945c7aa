package io.dbsnap.migration;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.dumper.MigrationPlanner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renames the caller knows of, for {@link MigrationPlanner#plan(io.dbsnap.catalog.Catalog,
 * io.dbsnap.catalog.Catalog, DdlOptions, Renames)}: the planner never guesses one (a table or
 * column that only changed its name looks like one dropped and one added, and the plan says so in
 * the hazard), but a mapped one becomes {@code ALTER TABLE ... RENAME} and keeps its rows.
 * Immutable: each method returns a new value.
 *
 * <pre>{@code
 * Renames renames = Renames.none()
 *         .table(new QualifiedName("app", "customers"), "clients")
 *         .column(new QualifiedName("app", "clients"), "mail", "email");
 * }</pre>
 *
 * @param tables  old name → new name (in the same schema)
 * @param columns per table (by its new name), old column name → new column name
 */
public record Renames(Map<QualifiedName, String> tables, Map<QualifiedName, Map<String, String>> columns) {

    public Renames {
        tables = Map.copyOf(tables);
        Map<QualifiedName, Map<String, String>> copy = new LinkedHashMap<>();
        columns.forEach((t, m) -> copy.put(t, Map.copyOf(m)));
        columns = Map.copyOf(copy);
    }

    public static Renames none() {
        return new Renames(Map.of(), Map.of());
    }

    /** Table {@code from} is called {@code newName} (same schema) on the other side. */
    public Renames table(QualifiedName from, String newName) {
        Map<QualifiedName, String> next = new LinkedHashMap<>(tables);
        next.put(from, newName);
        return new Renames(next, columns);
    }

    /** Column {@code from} of {@code table} (its name on the other side) is called {@code to} there. */
    public Renames column(QualifiedName table, String from, String to) {
        Map<QualifiedName, Map<String, String>> next = new LinkedHashMap<>(columns);
        Map<String, String> ofTable = new LinkedHashMap<>(next.getOrDefault(table, Map.of()));
        ofTable.put(from, to);
        next.put(table, ofTable);
        return new Renames(tables, next);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    /** The name {@code table} has on the other side. */
    public QualifiedName renamed(QualifiedName table) {
        return Optional.ofNullable(tables.get(table)).map(n -> new QualifiedName(table.schema(), n)).orElse(table);
    }
}
