package io.dbsnap.dumper.internal.plan;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.UserType;
import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationStep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of kept tables whose type is dropped and created again (an enum that loses a label,
 * a domain whose base type changes, a type that goes): the server refuses to drop a type a column
 * uses, so before the drop each such column is turned into {@code text}, values kept as their text
 * form, and at its table's turn it gets its new type back by a cast from that text
 * ({@link TableMigration} sees it coming from {@code text}).
 */
public final class ColumnsThroughText {

    /** The type a column passes through: every type has a text form, and every type reads one. */
    static final String TEXT = "text";

    private final Map<ObjectId, Table> tablesFrom;
    private final Map<ObjectId, Table> tablesTo;
    /** Per kept table, its columns turned into text. */
    private final Map<ObjectId, Set<String>> columns = new LinkedHashMap<>();
    /** Per kept table, its columns whose default was dropped. */
    private final Map<ObjectId, Set<String>> withoutDefault = new LinkedHashMap<>();

    public ColumnsThroughText(Map<ObjectId, Table> tablesFrom, Map<ObjectId, Table> tablesTo) {
        this.tablesFrom = tablesFrom;
        this.tablesTo = tablesTo;
    }

    /**
     * The steps that turn into text every column of a kept table that uses {@code type} (or an
     * array of it), remembering them; the default goes first, as it may not cast.
     */
    public List<MigrationStep> park(UserType type) {
        String name = type.name().sql();
        List<MigrationStep> steps = new ArrayList<>();
        for (Table t : tablesFrom.values()) {
            if (!tablesTo.containsKey(t.id())) {
                continue; // dropped before its types
            }
            for (Column c : t.columns()) {
                boolean uses = c.type().equals(name) || c.type().startsWith(name + "[");
                if (!uses || !c.local() || c.generated() != Column.Generated.NONE
                        || !columns.computeIfAbsent(t.id(), k -> new LinkedHashSet<>()).add(c.name())) {
                    continue;
                }
                // without ONLY: the children's inherited column follows the parent's
                String column = "ALTER TABLE " + t.name().sql() + " ALTER COLUMN " + quote(c.name()) + " ";
                if (c.defaultValue().isPresent()) {
                    steps.add(MigrationStep.of(column + "DROP DEFAULT;"));
                }
                steps.add(MigrationStep.of(column + "TYPE " + TEXT + " USING " + quote(c.name()) + "::" + TEXT + ";",
                        new Hazard(Hazard.Kind.TABLE_REWRITE, "COLUMN " + t.name().sql() + "." + quote(c.name()),
                                "the column is kept as text while its type " + name + " is created again")));
            }
        }
        return steps;
    }

    /**
     * The step that drops the default of a kept table's column before what it calls (a function
     * recreated) is dropped; the table's migration sets it again.
     */
    public Optional<MigrationStep> dropDefault(ObjectId table, String column) {
        Table t = tablesFrom.get(table);
        // a generated column's expression is dropped with the column (TableMigration), not by DROP DEFAULT
        if (t == null || !tablesTo.containsKey(table) || t.columns().stream().noneMatch(c -> c.name().equals(column)
                && c.generated() == Column.Generated.NONE && c.defaultValue().isPresent())
                || !withoutDefault.computeIfAbsent(table, k -> new LinkedHashSet<>()).add(column)) {
            return Optional.empty();
        }
        return Optional.of(MigrationStep.of("ALTER TABLE " + t.name().sql() + " ALTER COLUMN " + quote(column)
                + " DROP DEFAULT;"));
    }

    /** The kept tables with columns turned into text or without their default. */
    public Collection<ObjectId> tables() {
        Set<ObjectId> tables = new LinkedHashSet<>(columns.keySet());
        tables.addAll(withoutDefault.keySet());
        return tables;
    }

    /** The columns of {@code table} whose default was dropped, if any. */
    public Set<String> withoutDefault(ObjectId table) {
        return Optional.ofNullable(withoutDefault.get(table)).orElse(Set.of());
    }

    /** The columns of {@code table} turned into text, if any. */
    public Set<String> of(ObjectId table) {
        return Optional.ofNullable(columns.get(table)).orElse(Set.of());
    }

    /** How {@code c} stands once turned into text: no default, collation, storage or statistics of its old type. */
    static Column asText(Column c) {
        return new Column(c.name(), TEXT, Optional.empty(), c.notNull(), c.notNullName(), Optional.empty(),
                Column.Generated.NONE, c.identity(), c.identitySequence(), c.local(), c.statisticsTarget(),
                Optional.empty(), c.compression(), c.options());
    }
}
