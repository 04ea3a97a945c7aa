package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import io.dbsnap.dumper.internal.sql.Literals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Writes {@code CREATE TABLE} with its column settings, and {@code CREATE SEQUENCE}. */
public final class TableDdl {

    private TableDdl() {
    }

    static String createSequence(Sequence s) {
        return "CREATE " + (s.unlogged() ? "UNLOGGED " : "") + "SEQUENCE " + s.name().sql() + "\n"
                + (s.dataType().equals("bigint") ? "" : "    AS " + s.dataType() + "\n")
                + sequenceOptions(s, "\n    ").substring(1) + ";";
    }

    private static String sequenceOptions(Sequence s, String separator) {
        return separator + "START WITH " + s.start() + separator + "INCREMENT BY " + s.increment()
                + separator + "MINVALUE " + s.minValue() + separator + "MAXVALUE " + s.maxValue()
                + separator + "CACHE " + s.cache() + (s.cycle() ? separator + "CYCLE" : "");
    }

    /** @param separated the defaults and checks that are created apart from the table */
    static String createTable(Table table, Predicate<ObjectId> separated) {
        return createTable(table, separated, "TABLE ", "");
    }

    /**
     * @param kind   {@code TABLE } or {@code FOREIGN TABLE }
     * @param clause what the statement ends with before its semicolon, e.g. a foreign table's {@code SERVER}
     */
    static String createTable(Table table, Predicate<ObjectId> separated, String kind, String clause) {
        return createTable(table, separated, kind, clause, Set.of());
    }

    /**
     * @param inheritedGeneration the generated columns that a parent gives the table: a child
     *                            column that names its parent's generation expression is refused
     *                            (PostgreSQL 15), so it is written without it, as pg_dump does
     */
    static String createTable(Table table, Predicate<ObjectId> separated, String kind, String clause,
                              Set<String> inheritedGeneration) {
        List<String> lines = new ArrayList<>();
        List<String> after = new ArrayList<>();
        String only = "ALTER TABLE ONLY " + table.name().sql() + " ALTER COLUMN ";
        for (Column column : table.columns()) {
            boolean typed = table.ofType().isPresent();
            // A partition repeats every column, as pg_dump writes it, and is attached afterwards.
            if (!column.local() && !table.isPartition() && !typed) {
                continue;
            }
            String options = columnOptions(table, column, separated.test(table.defaultId(column.name())),
                    inheritedGeneration.contains(column.name()));
            if (!typed) {
                lines.add("    " + quote(column.name()) + " " + column.type() + options);
            } else if (!options.isEmpty()) {
                // A typed table's columns come from its type; only what the table adds is written.
                lines.add("    " + quote(column.name()) + options);
            }
            column.statisticsTarget().ifPresent(n -> after.add(only + quote(column.name()) + " SET STATISTICS " + n + ";"));
            column.storage().ifPresent(s -> after.add(only + quote(column.name()) + " SET STORAGE " + s + ";"));
            column.compression().ifPresent(c -> after.add(only + quote(column.name()) + " SET COMPRESSION " + c + ";"));
            if (!column.options().isEmpty()) {
                after.add(only + quote(column.name()) + " SET (" + String.join(", ", column.options()) + ");");
            }
        }
        // Check constraints stay with the table, as in pg_dump: data loaded later must satisfy them.
        for (Constraint c : table.constraints()) {
            if (c.type() == Constraint.Type.CHECK && c.validated() && (c.local() || table.isPartition()) && !separated.test(c.id())) {
                lines.add("    CONSTRAINT " + quote(c.name()) + " " + c.definition());
            }
        }
        StringBuilder sql = new StringBuilder("CREATE ").append(table.unlogged() ? "UNLOGGED " : "").append(kind)
                .append(table.name().sql());
        table.ofType().ifPresent(t -> sql.append(" OF ").append(t.sql()));
        if (!lines.isEmpty() || table.ofType().isEmpty()) {
            sql.append(" (\n").append(String.join(",\n", lines)).append("\n)");
        }
        if (!table.inherits().isEmpty()) {
            sql.append("\nINHERITS (").append(table.inherits().stream().map(QualifiedName::sql)
                    .collect(Collectors.joining(", "))).append(')');
        }
        table.partitionKey().ifPresent(k -> sql.append("\nPARTITION BY ").append(k));
        table.accessMethod().ifPresent(m -> sql.append("\nUSING ").append(quote(m)));
        if (!table.options().isEmpty()) {
            sql.append("\nWITH (").append(Literals.options(table.options())).append(')');
        }
        sql.append(clause).append(';');
        // a foreign table has no replica identity to set (its relreplident is 'n' all the same)
        switch (kind.equals("TABLE ") ? table.replicaIdentity() : "d") {
            case "f" -> after.add("ALTER TABLE ONLY " + table.name().sql() + " REPLICA IDENTITY FULL;");
            case "n" -> after.add("ALTER TABLE ONLY " + table.name().sql() + " REPLICA IDENTITY NOTHING;");
            default -> { }
        }
        after.forEach(statement -> sql.append("\n\n").append(statement));
        return sql.toString();
    }

    /** A column as {@code ALTER TABLE ... ADD COLUMN} takes it: name, type and options. */
    public static String columnDefinition(Table table, Column column) {
        return quote(column.name()) + " " + column.type() + columnOptions(table, column, false, false);
    }

    /** Everything after a column's name and type: collation, default or generation, identity, NOT NULL. */
    private static String columnOptions(Table table, Column column, boolean separateDefault, boolean inheritedGeneration) {
        StringBuilder line = new StringBuilder();
        column.collation().ifPresent(c -> line.append(" COLLATE ").append(c.sql()));
        switch (column.generated()) {
            case STORED -> line.append(inheritedGeneration ? ""
                    : " GENERATED ALWAYS AS (" + column.defaultValue().orElseThrow() + ") STORED");
            case VIRTUAL -> line.append(inheritedGeneration ? "" : " GENERATED ALWAYS AS (" + column.defaultValue().orElseThrow() + ")");
            case NONE -> column.defaultValue().filter(d -> !separateDefault).ifPresent(d -> line.append(" DEFAULT ").append(d));
        }
        // A partition shares its parent's identity sequence (PostgreSQL 17+); never give it one of its own.
        if (column.identity() != Column.Identity.NONE && !table.isPartition()) {
            line.append(column.identity() == Column.Identity.ALWAYS ? " GENERATED ALWAYS AS IDENTITY"
                    : " GENERATED BY DEFAULT AS IDENTITY");
            column.identitySequence().ifPresent(s -> line.append(" (\n        SEQUENCE NAME ").append(s.name().sql())
                    .append(sequenceOptions(s, "\n        ")).append("\n    )"));
        }
        if (column.notNull()) {
            column.notNullName().ifPresent(n -> line.append(" CONSTRAINT ").append(quote(n)));
            line.append(" NOT NULL");
        }
        return line.toString();
    }

    public static ObjectDdl of(Sequence s) {
        return new ObjectDdl(s.id(), createSequence(s), "DROP SEQUENCE IF EXISTS " + s.name().sql() + ";");
    }

    /**
     * @param separated the defaults and checks that are created apart from the table
     * @param tables    every table, among which the table's parents
     */
    public static ObjectDdl of(Table t, Predicate<ObjectId> separated, List<Table> tables) {
        return new ObjectDdl(t.id(), createTable(t, separated, "TABLE ", "", inheritedGeneration(tables, t)),
                "DROP TABLE IF EXISTS " + t.name().sql() + ";");
    }

    /** The generated columns of {@code table} that one of its (non-partition) parents has too. */
    private static Set<String> inheritedGeneration(List<Table> tables, Table table) {
        Set<String> names = new HashSet<>();
        for (Table parent : tables) {
            if (table.inherits().contains(parent.name())) {
                parent.columns().stream().filter(c -> c.generated() != Column.Generated.NONE).forEach(c -> names.add(c.name()));
            }
        }
        return names;
    }

    /** A column default separated from its table to break a loop ({@link SeparableParts}). */
    static ObjectDdl separatedDefault(ObjectId id, Table t, Column c) {
        String column = "ALTER TABLE ONLY " + t.name().sql() + " ALTER COLUMN " + quote(c.name());
        return new ObjectDdl(id, column + " SET DEFAULT " + c.defaultValue().orElseThrow() + ";",
                column.replace("ALTER TABLE ONLY", "ALTER TABLE IF EXISTS ONLY") + " DROP DEFAULT;");
    }

    /** {@code OWNED BY} of a sequence that belongs to a column, once every table exists. */
    public static Optional<String> ownedBy(Sequence s) {
        return s.ownedBy().map(owner -> "ALTER SEQUENCE " + s.name().sql() + " OWNED BY " + owner.table().sql() + "."
                + quote(owner.column()) + ";");
    }

    /** Undoes {@link #attachPartition}: the partition stays, with its rows, as a table of its own. */
    public static String detachPartition(Table t) {
        return "ALTER TABLE " + t.partitionOf().orElseThrow().sql() + " DETACH PARTITION " + t.name().sql() + ";";
    }

    /** A partition's attachment to its parent, once every table exists. */
    public static Optional<String> attachPartition(Table t) {
        return t.isPartition() ? Optional.of("ALTER TABLE ONLY " + t.partitionOf().orElseThrow().sql() + " ATTACH PARTITION "
                + t.name().sql() + " " + t.partitionBound().orElseThrow() + ";") : Optional.empty();
    }

    /** {@code REPLICA IDENTITY USING INDEX} and {@code CLUSTER ON}, after the table's indexes. */
    public static List<String> indexSettings(Table t) {
        List<String> statements = new ArrayList<>();
        t.replicaIndex().filter(i -> t.replicaIdentity().equals("i")).ifPresent(i -> statements.add(
                "ALTER TABLE ONLY " + t.name().sql() + " REPLICA IDENTITY USING INDEX " + quote(i) + ";"));
        t.clusterIndex().ifPresent(i -> statements.add("ALTER TABLE " + t.name().sql() + " CLUSTER ON " + quote(i) + ";"));
        return statements;
    }
}
