package io.dbsnap.dumper.internal.plan;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.dumper.internal.ddl.ConstraintDdl;
import io.dbsnap.dumper.internal.sql.Literals;
import io.dbsnap.dumper.internal.ddl.SeparableParts;
import io.dbsnap.dumper.internal.ddl.TableDdl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code ALTER TABLE} steps that turn one version of a table into another while it keeps its
 * rows: columns dropped, added and changed in place, the checks written with the table, and the
 * table's own settings. Keys, indexes, triggers and the rest are the plan's, compared on their own.
 */
public final class TableMigration {

    private final Table from;
    private final Table to;
    private final String alter;
    private final Predicate<ObjectId> separatedFrom;
    private final Predicate<ObjectId> separatedTo;
    private final Set<String> throughText;
    private final Set<String> withoutDefault;
    private final Set<String> ofNewParents;
    private final List<MigrationStep> steps = new ArrayList<>();
    private boolean retypesAColumn;

    private TableMigration(Table from, Table to, Predicate<ObjectId> separatedFrom, Predicate<ObjectId> separatedTo,
                           Set<String> throughText, Set<String> withoutDefault, Set<String> ofNewParents) {
        this.from = from;
        this.ofNewParents = ofNewParents;
        this.to = to;
        this.separatedFrom = separatedFrom;
        this.separatedTo = separatedTo;
        this.throughText = throughText;
        this.withoutDefault = withoutDefault;
        this.alter = "ALTER TABLE " + (to.isPartitioned() ? "" : "ONLY ") + to.name().sql() + " ";
    }

    /**
     * @param separated the checks created apart from their table (to break a loop, see
     *                  {@link SeparableParts}) on either side: the plan compares those itself
     */
    public static List<MigrationStep> between(Table from, Table to, Predicate<ObjectId> separated) {
        return between(from, to, separated, separated, Set.of(), Set.of(), Set.of());
    }

    /**
     * @param separatedFrom the checks {@code from}'s plan creates apart from their table
     * @param separatedTo   the checks {@code to}'s plan creates apart from their table
     * @param throughText   the columns of {@code from} turned into text before the plan dropped their
     *                      type ({@link ColumnsThroughText}): they are cast to their type in {@code to}
     * @param withoutDefault the columns of {@code from} whose default the plan dropped before what it
     *                      calls: set again where {@code to} has one
     * @param ofNewParents  the inherited columns of {@code to} that only parents it gains have (no
     *                      parent it keeps brings them): added before {@code INHERIT}, which
     *                      refuses a child that lacks a column of the parent
     */
    public static List<MigrationStep> between(Table from, Table to, Predicate<ObjectId> separatedFrom,
                                       Predicate<ObjectId> separatedTo, Set<String> throughText,
                                       Set<String> withoutDefault, Set<String> ofNewParents) {
        TableMigration migration = new TableMigration(from, to, separatedFrom, separatedTo, throughText, withoutDefault,
                ofNewParents);
        migration.checks(true);
        migration.columns();
        migration.checks(false);
        migration.settings();
        return migration.steps;
    }

    /** Whether a view or function over the table may break: a column it reads was dropped or retyped. */
    public static boolean changesColumnsInUse(Table from, Table to) {
        Map<String, Column> after = byName(to);
        return from.columns().stream().anyMatch(c -> !after.containsKey(c.name()) || !sameType(c, after.get(c.name()))
                || c.generated() != after.get(c.name()).generated());
    }

    private void columns() {
        Map<String, Column> before = byName(from);
        throughText.forEach(name -> before.computeIfPresent(name, (n, c) -> ColumnsThroughText.asText(c)));
        withoutDefault.forEach(name -> before.computeIfPresent(name, (n, c) -> c.generated() != Column.Generated.NONE ? c
                : new Column(c.name(), c.type(), c.collation(), c.notNull(), c.notNullName(), Optional.empty(),
                c.generated(), c.identity(), c.identitySequence(), c.local(), c.statisticsTarget(), c.storage(),
                c.compression(), c.options())));
        Map<String, Column> after = byName(to);
        // the server refuses to retype a column a generated column reads: generated columns are
        // dropped and added again (their values are computed anew) when another column is retyped
        retypesAColumn = from.columns().stream().anyMatch(c -> c.generated() == Column.Generated.NONE
                && after.containsKey(c.name()) && !sameType(before.get(c.name()), after.get(c.name())));
        for (Column c : from.columns()) {
            Column next = after.get(c.name());
            if (c.local() && (next == null || regenerated(c, next) || (retypesAColumn && next.generated() != Column.Generated.NONE
                    && c.generated() != Column.Generated.NONE))) {
                // a generated column is dropped and added again: its values are computed anew
                steps.add(new MigrationStep(alter + "DROP COLUMN " + quote(c.name()) + ";",
                        next == null ? List.of(new Hazard(Hazard.Kind.DATA_LOSS, "COLUMN " + from.name().sql() + "."
                                + quote(c.name()), "the column is dropped with its values" + possibleRename(c, before)))
                                : List.of()));
            }
        }
        for (Column c : to.columns()) {
            Column previous = before.get(c.name());
            if (!c.local() && previous == null && !ofNewParents.contains(c.name())) {
                continue; // comes with a parent
            }
            if (previous == null || regenerated(previous, c) || (retypesAColumn && c.generated() != Column.Generated.NONE
                    && previous.generated() != Column.Generated.NONE)) {
                List<Hazard> hazards = c.notNull() && c.defaultValue().isEmpty() && c.identity() == Column.Identity.NONE
                        ? List.of(new Hazard(Hazard.Kind.VALIDATION_SCAN, column(c),
                        "a NOT NULL column without a default: the step fails if the table has rows"))
                        : List.of();
                // without ONLY: a child table gets the column with its parent (ONLY is refused there)
                steps.add(new MigrationStep("ALTER TABLE " + to.name().sql() + " ADD COLUMN "
                        + TableDdl.columnDefinition(to, c) + ";", hazards));
            } else if (c.local() || previous.local()) {
                change(previous, c);
            }
        }
    }

    /** A column of the same type that only {@code to} has: perhaps a rename of {@code dropped}, not guessed. */
    private String possibleRename(Column dropped, Map<String, Column> before) {
        return to.columns().stream().filter(c -> !before.containsKey(c.name()) && c.type().equals(dropped.type())).findFirst()
                .map(c -> " (possibly renamed to " + quote(c.name()) + ", of the same type: map the rename with Renames"
                        + " to keep the values)").orElse("");
    }

    /** A generated column whose generation changes is dropped and added again: no ALTER changes it on every version. */
    private static boolean regenerated(Column a, Column b) {
        return a.generated() != b.generated()
                || (a.generated() != Column.Generated.NONE && !a.defaultValue().equals(b.defaultValue()));
    }

    private void change(Column a, Column b) {
        String column = alter + "ALTER COLUMN " + quote(b.name()) + " ";
        boolean defaultChanges = !a.defaultValue().equals(b.defaultValue()) && b.generated() == Column.Generated.NONE;
        boolean retyped = !sameType(a, b);
        if (a.identity() != b.identity() && a.identity() != Column.Identity.NONE) {
            steps.add(MigrationStep.of(b.identity() == Column.Identity.NONE ? column + "DROP IDENTITY;"
                    : column + "SET GENERATED " + identity(b) + ";"));
        }
        if (retyped && a.defaultValue().isPresent() && a.generated() == Column.Generated.NONE
                && a.identity() == Column.Identity.NONE) {
            // the old default may not cast to the new type
            steps.add(MigrationStep.of(column + "DROP DEFAULT;"));
        } else if (defaultChanges && b.defaultValue().isEmpty() && a.identity() == Column.Identity.NONE) {
            steps.add(MigrationStep.of(column + "DROP DEFAULT;"));
        }
        if (retyped) {
            String type = b.type() + b.collation().map(c -> " COLLATE " + c.sql()).orElse("");
            // no cast between two range types: through their text form, which both read
            String using = quote(b.name()) + (isRange(a.type()) && isRange(b.type()) ? "::text" : "") + "::" + b.type();
            steps.add(MigrationStep.of(column + "TYPE " + type + " USING " + using + ";",
                    new Hazard(Hazard.Kind.TABLE_REWRITE, column(b), a.type() + " → " + b.type()),
                    new Hazard(Hazard.Kind.TYPE_CHANGE_MAY_FAIL, column(b), "values that do not convert to " + b.type()
                            + " make the step fail")));
        }
        if (b.defaultValue().isPresent() && b.generated() == Column.Generated.NONE && b.identity() == Column.Identity.NONE
                && (defaultChanges || retyped)) {
            steps.add(MigrationStep.of(column + "SET DEFAULT " + b.defaultValue().get() + ";"));
        }
        if (a.identity() == Column.Identity.NONE && b.identity() != Column.Identity.NONE) {
            steps.add(MigrationStep.of(column + "ADD GENERATED " + identity(b) + " AS IDENTITY;"));
        }
        if (a.identity() != Column.Identity.NONE && b.identity() != Column.Identity.NONE) {
            identityOptions(a, b).ifPresent(options -> steps.add(MigrationStep.of(column + options + ";")));
        }
        if (a.notNull() != b.notNull() && b.identity() == Column.Identity.NONE) {
            steps.add(b.notNull() ? MigrationStep.of(column + "SET NOT NULL;", new Hazard(Hazard.Kind.VALIDATION_SCAN,
                    column(b), "every row is checked; a NULL makes the step fail")) : MigrationStep.of(column + "DROP NOT NULL;"));
        }
        if (!a.statisticsTarget().equals(b.statisticsTarget())) {
            steps.add(MigrationStep.of(column + "SET STATISTICS " + b.statisticsTarget().orElse(-1) + ";"));
        }
        if (!a.storage().equals(b.storage()) && b.storage().isPresent()) {
            steps.add(MigrationStep.of(column + "SET STORAGE " + b.storage().get() + ";"));
        }
        if (!a.compression().equals(b.compression())) {
            steps.add(MigrationStep.of(column + "SET COMPRESSION " + b.compression().orElse("DEFAULT") + ";"));
        }
        if (!a.options().equals(b.options())) {
            if (!a.options().isEmpty()) {
                steps.add(MigrationStep.of(column + "RESET (" + String.join(", ", names(a.options())) + ");"));
            }
            if (!b.options().isEmpty()) {
                steps.add(MigrationStep.of(column + "SET (" + String.join(", ", b.options()) + ");"));
            }
        }
    }

    /**
     * The checks written with the table (validated, local): first the ones that go or change are
     * dropped ({@code dropping}), then, once the columns are as they will be, the new ones added.
     */
    private void checks(boolean dropping) {
        Map<String, Constraint> before = inlineChecks(from, separatedFrom);
        Map<String, Constraint> after = inlineChecks(to, separatedTo);
        if (dropping) {
            before.forEach((name, c) -> {
                if (!c.equals(after.get(name))) {
                    steps.add(MigrationStep.of(ConstraintDdl.drop(from, c)));
                }
            });
        } else {
            after.forEach((name, c) -> {
                if (validatesInPlace(from, c)) {
                    steps.add(MigrationStep.of(alter + "VALIDATE CONSTRAINT " + quote(name) + ";",
                            new Hazard(Hazard.Kind.VALIDATION_SCAN, "CONSTRAINT " + quote(name) + " ON " + to.name().sql(),
                                    "every row is checked, under a lock that lets reads and writes go on")));
                } else if (!c.equals(before.get(name))) {
                    steps.add(MigrationStep.of(ConstraintDdl.add(to, c), new Hazard(Hazard.Kind.VALIDATION_SCAN,
                            "CONSTRAINT " + quote(name) + " ON " + to.name().sql(), "every row is checked")));
                }
            });
        }
    }

    private void settings() {
        if (from.unlogged() != to.unlogged()) {
            steps.add(MigrationStep.of(alter + "SET " + (to.unlogged() ? "UNLOGGED" : "LOGGED") + ";",
                    new Hazard(Hazard.Kind.TABLE_REWRITE, "TABLE " + to.name().sql(), "the table is written anew")));
        }
        if (!from.options().equals(to.options())) {
            if (!from.options().isEmpty()) {
                steps.add(MigrationStep.of(alter + "RESET (" + String.join(", ", names(from.options())) + ");"));
            }
            if (!to.options().isEmpty()) {
                steps.add(MigrationStep.of(alter + "SET (" + Literals.options(to.options()) + ");"));
            }
        }
        if (!from.replicaIdentity().equals(to.replicaIdentity()) && !to.replicaIdentity().equals("i")) {
            steps.add(MigrationStep.of(alter + "REPLICA IDENTITY " + switch (to.replicaIdentity()) {
                case "f" -> "FULL";
                case "n" -> "NOTHING";
                default -> "DEFAULT";
            } + ";"));
        }
        if (from.clusterIndex().isPresent() && to.clusterIndex().isEmpty()) {
            steps.add(MigrationStep.of(alter + "SET WITHOUT CLUSTER;"));
        }
        from.inherits().stream().filter(p -> !to.inherits().contains(p))
                .forEach(p -> steps.add(MigrationStep.of(alter + "NO INHERIT " + p.sql() + ";")));
        List<QualifiedName> gained = to.inherits().stream().filter(p -> !from.inherits().contains(p)).toList();
        Map<String, Column> had = byName(from);
        List<String> staysLocal = to.columns().stream()
                .filter(c -> !c.local() && (ofNewParents.contains(c.name()) || (had.containsKey(c.name()) && had.get(c.name()).local())))
                .map(c -> quote(c.name())).toList();
        for (int i = 0; i < gained.size(); i++) {
            String inherit = alter + "INHERIT " + gained.get(i).sql() + ";";
            // what stays different is said once, on the last INHERIT, when every parent is there
            boolean last = i == gained.size() - 1;
            steps.add(last && !staysLocal.isEmpty() ? MigrationStep.of(inherit, staysLocal(staysLocal)) : MigrationStep.of(inherit));
        }
        if (!from.partitionKey().equals(to.partitionKey())) {
            steps.add(MigrationStep.of("-- " + to.name().sql() + ": the partition key cannot be changed in place",
                    new Hazard(Hazard.Kind.IRREVERSIBLE, "TABLE " + to.name().sql(), "the partition key differs ("
                            + from.partitionKey().orElse("none") + " → " + to.partitionKey().orElse("none")
                            + "): recreate the table by hand")));
        }
    }

    /**
     * Columns the table had before it inherits them stay its own ({@code pg_attribute.attislocal}):
     * no ALTER clears that, only a table created anew with its rows copied, which would hold an
     * ACCESS EXCLUSIVE lock over the copy and take the indexes, keys, views and grants on the table
     * along. The plan keeps the table and says what differs.
     */
    private Hazard staysLocal(List<String> columns) {
        return new Hazard(Hazard.Kind.NOT_AS_TARGET, "TABLE " + to.name().sql(), "column" + (columns.size() > 1 ? "s " : " ")
                + String.join(", ", columns) + " stay" + (columns.size() > 1 ? "" : "s") + " defined by the table as well as"
                + " inherited: pg_dump writes " + (columns.size() > 1 ? "them" : "it") + " in its CREATE TABLE, and a later"
                + " DROP COLUMN on the parent leaves " + (columns.size() > 1 ? "them" : "it") + " in the table; only recreating"
                + " the table (copying its rows) makes " + (columns.size() > 1 ? "them" : "it") + " inherited only");
    }

    /**
     * Whether {@code c}, validated, is on {@code table} as it was added {@code NOT VALID}, with the
     * same definition: {@code VALIDATE CONSTRAINT} keeps it and only checks the rows.
     */
    public static boolean validatesInPlace(Table table, Constraint c) {
        return c.validated() && table.constraints().stream().anyMatch(x -> !x.validated() && x.name().equals(c.name())
                && x.type() == c.type() && x.definition().equals(c.definition() + " NOT VALID"));
    }

    private static Map<String, Constraint> inlineChecks(Table t, Predicate<ObjectId> separated) {
        Map<String, Constraint> checks = new LinkedHashMap<>();
        t.constraints().stream().filter(c -> c.type() == Constraint.Type.CHECK && c.validated() && (c.local() || t.isPartition())
                        && !separated.test(c.id()))
                .forEach(c -> checks.put(c.name(), c));
        return checks;
    }

    private static Map<String, Column> byName(Table t) {
        Map<String, Column> columns = new LinkedHashMap<>();
        t.columns().forEach(c -> columns.put(c.name(), c));
        return columns;
    }

    private static boolean sameType(Column a, Column b) {
        return a.type().equals(b.type()) && a.collation().equals(b.collation());
    }

    /** The built-in range types: no cast turns one into another. */
    private static final Set<String> RANGES = Set.of("int4range", "int8range", "numrange", "tsrange", "tstzrange",
            "daterange", "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange",
            "datemultirange");

    private static boolean isRange(String type) {
        return RANGES.contains(type);
    }

    /** The {@code SET} options of an identity column whose sequence options change (a sequence's {@code ALTER}). */
    private static Optional<String> identityOptions(Column a, Column b) {
        if (a.identitySequence().isEmpty() || b.identitySequence().isEmpty()) {
            return Optional.empty();
        }
        Sequence x = a.identitySequence().get();
        Sequence y = b.identitySequence().get();
        List<String> set = new ArrayList<>();
        if (x.increment() != y.increment()) {
            set.add("SET INCREMENT BY " + y.increment());
        }
        if (x.minValue() != y.minValue()) {
            set.add("SET MINVALUE " + y.minValue());
        }
        if (x.maxValue() != y.maxValue()) {
            set.add("SET MAXVALUE " + y.maxValue());
        }
        if (x.start() != y.start()) {
            set.add("SET START WITH " + y.start());
        }
        if (x.cache() != y.cache()) {
            set.add("SET CACHE " + y.cache());
        }
        if (x.cycle() != y.cycle()) {
            set.add(y.cycle() ? "SET CYCLE" : "SET NO CYCLE");
        }
        return set.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", set));
    }

    private static String identity(Column c) {
        return c.identity() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT";
    }

    private String column(Column c) {
        return "COLUMN " + to.name().sql() + "." + quote(c.name());
    }

    /** The names of {@code name=value} options. */
    private static List<String> names(List<String> options) {
        return options.stream().map(o -> o.contains("=") ? o.substring(0, o.indexOf('=')) : o).toList();
    }
}
