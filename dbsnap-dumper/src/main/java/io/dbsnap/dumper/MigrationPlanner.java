package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CompositeType;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EnumType;
import io.dbsnap.catalog.Extension;
import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.Routine;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.UserType;
import io.dbsnap.catalog.View;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.dumper.internal.ddl.PolicyDdl;
import io.dbsnap.dumper.internal.plan.ColumnsThroughText;
import io.dbsnap.dumper.internal.plan.DdlPlanner;
import io.dbsnap.dumper.internal.plan.KeyedStatement;
import io.dbsnap.dumper.internal.plan.MaterializedViewRefresh;
import io.dbsnap.dumper.internal.plan.PublicSchema;
import io.dbsnap.dumper.internal.plan.RenamedCatalog;
import io.dbsnap.dumper.internal.plan.SequenceMigration;
import io.dbsnap.dumper.internal.plan.TableMigration;
import io.dbsnap.dumper.internal.plan.TypeMigration;
import io.dbsnap.dumper.internal.sql.Literals;
import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.migration.Renames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Plans the statements that turn catalog {@code from} into catalog {@code to}, keeping the rows of
 * every table and column that exists on both sides. No server is needed.
 *
 * <p>Both catalogs are planned as a dump would create them ({@link DdlPlanner}), each statement
 * keyed by what it creates or sets; a key with the same text on both sides needs nothing. Then:
 * <ol>
 * <li>what goes or changes is undone, in the reverse of {@code from}'s order of creation (foreign
 *     keys, triggers and the like first, then the objects, dependents before what they use);</li>
 * <li>in {@code to}'s order of creation, what is new or changed is created, and each table that
 *     exists on both sides is altered in place at its turn ({@link TableMigration}): never
 *     dropped, so its rows stay.</li>
 * </ol>
 * An object that changed is dropped and created again, except where the server can change it in
 * place and keep what depends on it: tables, sequences ({@code ALTER SEQUENCE}), enums that only
 * gain values ({@code ALTER TYPE ... ADD VALUE}) and functions whose signature and result stay
 * ({@code CREATE OR REPLACE}). What depends on a recreated object, or reads a table column that
 * is dropped or retyped, is recreated with it. Renames are not guessed: a renamed object is one
 * dropped and one added.
 */
public final class MigrationPlanner {

    private final Catalog from;
    private final Catalog to;
    private final DdlOptions options;
    private final Map<String, List<KeyedStatement>> before;
    private final Map<String, List<KeyedStatement>> after;
    private final List<KeyedStatement> planFrom;
    private final List<KeyedStatement> planTo;
    /** Objects dropped and, where {@code to} has them, created again. */
    private final Set<ObjectId> recreated = new LinkedHashSet<>();
    /** Objects changed in place: their own statements run again or are replaced by an ALTER. */
    private final Map<ObjectId, List<MigrationStep>> alteredInPlace = new LinkedHashMap<>();
    /** The defaults of kept tables' columns dropped before the functions they call are recreated. */
    private final List<MigrationStep> droppedDefaults = new ArrayList<>();
    /** Per recreated type, the steps that turn the kept columns using it into text before it is dropped. */
    private final Map<ObjectId, List<MigrationStep>> throughText = new HashMap<>();
    /** The checks created apart from their tables, on either side (their own keys, not the tables'). */
    private final Set<ObjectId> separatedFrom = new HashSet<>();
    private final Set<ObjectId> separatedTo = new HashSet<>();
    /** Constraints added NOT VALID in {@code from} and validated in {@code to}: VALIDATE CONSTRAINT, neither dropped nor added. */
    private final Map<ObjectId, String> validatedInPlace = new HashMap<>();

    private MigrationPlanner(Catalog from, Catalog to, DdlOptions options) {
        this.from = from;
        this.to = to;
        this.options = options;
        this.planFrom = DdlPlanner.keyed(from, options);
        this.planTo = DdlPlanner.keyed(to, options);
        this.before = byKey(planFrom);
        this.after = byKey(planTo);
        separatedFrom.addAll(ownKeys(planFrom));
        separatedTo.addAll(ownKeys(planTo));
        Map<ObjectId, Table> tablesFrom = tables(from);
        for (Table b : to.tables()) {
            Table a = tablesFrom.get(b.id());
            if (a != null) {
                b.constraints().stream().filter(c -> TableMigration.validatesInPlace(a, c)).forEach(c -> validatedInPlace.put(
                        c.id(), "ALTER TABLE " + (b.isPartitioned() ? "" : "ONLY ") + b.name().sql() + " VALIDATE CONSTRAINT "
                                + Identifiers.quote(c.name()) + ";"));
            }
        }
    }

    /** The plan with owners and grants compared and set. */
    public static MigrationPlan plan(Catalog from, Catalog to) {
        return plan(from, to, DdlOptions.defaults());
    }

    /** The plan with owners and grants as {@code options} say ({@link DdlOptions#noOwner()}, ...). */
    public static MigrationPlan plan(Catalog from, Catalog to, DdlOptions options) {
        return new MigrationPlanner(from, to, options).plan();
    }

    /**
     * The plan with the caller's renames: each mapped table or column is renamed first
     * ({@code ALTER TABLE ... RENAME}), keeping its rows, and the rest is planned from there.
     */
    public static MigrationPlan plan(Catalog from, Catalog to, DdlOptions options, Renames renames) {
        RenamedCatalog.Result renamed = RenamedCatalog.of(from, renames);
        List<MigrationStep> steps = new ArrayList<>(renamed.steps());
        steps.addAll(new MigrationPlanner(renamed.catalog(), to, options).plan().steps());
        return new MigrationPlan(steps);
    }

    private MigrationPlan plan() {
        decideObjects();
        List<MigrationStep> steps = new ArrayList<>(undo());
        PublicSchema.drop(from, to).ifPresent(steps::add);
        steps.addAll(extensionUpdates());
        steps.addAll(PublicSchema.create(from, to, options));
        steps.addAll(create());
        return new MigrationPlan(steps);
    }

    /** Which objects that both sides have are changed in place, and which are dropped and created again. */
    private void decideObjects() {
        Map<ObjectId, Table> tablesFrom = tables(from);
        Map<ObjectId, Table> tablesTo = tables(to);
        ColumnsThroughText columns = new ColumnsThroughText(tablesFrom, tablesTo);
        Set<ObjectId> roots = new LinkedHashSet<>();
        for (ObjectId id : ownKeys(planFrom)) {
            String key = id.toString();
            if (validatedInPlace.containsKey(id)) {
                continue; // kept, and validated at its turn
            }
            if (!after.containsKey(key)) {
                roots.add(id);
            } else if (!text(before.get(key)).equals(text(after.get(key)))) {
                Optional<List<MigrationStep>> inPlace = inPlace(id, tablesFrom, tablesTo);
                if (inPlace.isPresent()) {
                    alteredInPlace.put(id, inPlace.get());
                    Table a = tablesFrom.get(id);
                    if (a != null && TableMigration.changesColumnsInUse(a, tablesTo.get(id))) {
                        roots.add(id);
                    }
                } else {
                    roots.add(id);
                }
            }
        }
        populatedInPlace(roots);
        // what depends on a dropped or recreated object goes with it (a table is altered, never dropped for this)
        Map<ObjectId, List<ObjectId>> dependents = new HashMap<>();
        for (Dependency d : from.dependencies()) {
            dependents.computeIfAbsent(d.referenced(), k -> new ArrayList<>()).add(d.dependent());
        }
        Set<ObjectId> seen = new HashSet<>();
        while (!roots.isEmpty()) {
            Deque<ObjectId> work = new ArrayDeque<>();
            roots.stream().filter(seen::add).forEach(work::add);
            roots.clear();
            while (!work.isEmpty()) {
                ObjectId id = work.pop();
                if (!alteredInPlace.containsKey(id) || !tablesFrom.containsKey(id)) {
                    recreated.add(id);
                    alteredInPlace.remove(id);
                }
                for (ObjectId dependent : dependents.getOrDefault(id, List.of())) {
                    if (!tablesFrom.containsKey(dependent) && seen.add(dependent)) {
                        work.push(dependent);
                    }
                }
            }
            // a kept table with a column of a recreated type: the column passes through text, and
            // what reads it is recreated as for a retyped column
            for (ObjectId id : recreated) {
                if (id.kind() == ObjectKind.TYPE && !throughText.containsKey(id)) {
                    find(from.types(), id, UserType::id).ifPresent(type -> throughText.put(id, columns.park(type)));
                }
                if (id.kind() == ObjectKind.COLUMN_DEFAULT) {
                    // a kept table's default that calls a recreated function: dropped first, set again
                    columns.dropDefault(ObjectId.of(ObjectKind.TABLE, id.schema(), id.name()), id.signature())
                            .ifPresent(droppedDefaults::add);
                }
            }
            for (ObjectId table : columns.tables()) {
                alteredInPlace.put(table, TableMigration.between(tablesFrom.get(table), tablesTo.get(table),
                        separatedFrom::contains, separatedTo::contains, columns.of(table), columns.withoutDefault(table),
                        ofNewParents(tablesFrom.get(table), tablesTo.get(table), tablesTo)));
                if (!seen.contains(table)) {
                    roots.add(table);
                }
            }
        }
    }

    /**
     * A materialized view whose query stays but whose rows come or go (its {@code CREATE} always
     * says {@code WITH NO DATA}, so its key does not see this): refreshed, or emptied by
     * {@code REFRESH ... WITH NO DATA}, in place, which keeps its indexes and the views over it.
     */
    private void populatedInPlace(Set<ObjectId> roots) {
        for (View b : to.views()) {
            Optional<View> a = find(from.views(), b.id(), View::id);
            if (b.materialized() && a.isPresent() && a.get().populated() != b.populated() && !roots.contains(b.id())) {
                alteredInPlace.put(b.id(), List.of(MigrationStep.of(MaterializedViewRefresh.of(b))));
            }
        }
    }

    /**
     * The columns {@code b} inherits that no parent it keeps brings, only the parents it gains:
     * the child must have them before {@code ALTER TABLE ... INHERIT} (a kept parent's new column
     * reaches the child by the parent's own {@code ADD COLUMN}, earlier in the plan).
     */
    private static Set<String> ofNewParents(Table a, Table b, Map<ObjectId, Table> tablesTo) {
        if (a.inherits().containsAll(b.inherits())) {
            return Set.of();
        }
        Set<String> fromKeptParents = new HashSet<>();
        b.inherits().stream().filter(a.inherits()::contains)
                .map(p -> tablesTo.get(ObjectId.of(ObjectKind.TABLE, p.schema(), p.name()))).filter(Objects::nonNull)
                .forEach(p -> p.columns().forEach(c -> fromKeptParents.add(c.name())));
        Set<String> had = new HashSet<>();
        a.columns().forEach(c -> had.add(c.name()));
        Set<String> added = new LinkedHashSet<>();
        b.columns().stream().filter(c -> !c.local() && !had.contains(c.name()) && !fromKeptParents.contains(c.name()))
                .forEach(c -> added.add(c.name()));
        return added;
    }

    /** The steps that change an object of both sides in place, if its kind allows it. */
    private Optional<List<MigrationStep>> inPlace(ObjectId id, Map<ObjectId, Table> tablesFrom, Map<ObjectId, Table> tablesTo) {
        if (tablesFrom.containsKey(id) && tablesTo.containsKey(id)) {
            return Optional.of(TableMigration.between(tablesFrom.get(id), tablesTo.get(id), separatedFrom::contains,
                    separatedTo::contains, Set.of(), Set.of(), ofNewParents(tablesFrom.get(id), tablesTo.get(id), tablesTo)));
        }
        if (id.kind() == ObjectKind.SEQUENCE) {
            Optional<Sequence> a = find(from.sequences(), id, Sequence::id);
            return find(to.sequences(), id, Sequence::id).map(b -> SequenceMigration.between(a.orElse(b), b));
        }
        if (id.kind() == ObjectKind.FUNCTION || id.kind() == ObjectKind.PROCEDURE) {
            Optional<Routine> a = find(from.routines(), id, Routine::id);
            Optional<Routine> b = find(to.routines(), id, Routine::id);
            if (a.isPresent() && b.isPresent() && replaceable(a.get(), b.get())) {
                return Optional.of(List.of(MigrationStep.of(b.get().definition() + ";")));
            }
            return Optional.empty();
        }
        if (id.kind() == ObjectKind.POLICY) {
            Optional<Policy> a = find(from.policies(), id, Policy::id);
            Optional<Policy> b = find(to.policies(), id, Policy::id);
            return a.isPresent() && b.isPresent()
                    ? PolicyDdl.alter(a.get(), b.get()).map(sql -> List.of(MigrationStep.of(sql))) : Optional.empty();
        }
        Optional<UserType> a = find(from.types(), id, UserType::id);
        Optional<UserType> b = find(to.types(), id, UserType::id);
        if (a.isPresent() && b.isPresent() && a.get() instanceof EnumType x && b.get() instanceof EnumType y) {
            return addedLabels(x, y);
        }
        if (a.isPresent() && b.isPresent() && a.get() instanceof DomainType x && b.get() instanceof DomainType y) {
            return TypeMigration.domain(x, y, separatedFrom::contains, separatedTo::contains);
        }
        if (a.isPresent() && b.isPresent() && a.get() instanceof CompositeType x && b.get() instanceof CompositeType y) {
            return TypeMigration.composite(x, y);
        }
        return Optional.empty();
    }

    /** Undoes, in the reverse of {@code from}'s order, every statement whose key goes or changes. */
    private List<MigrationStep> undo() {
        List<KeyedStatement> reversed = new ArrayList<>(planFrom);
        Collections.reverse(reversed);
        Set<String> done = new HashSet<>();
        List<MigrationStep> steps = new ArrayList<>(droppedDefaults);
        for (KeyedStatement k : reversed) {
            boolean own = k.object().map(id -> id.toString().equals(k.key())).orElse(false);
            boolean goes = k.object().map(recreated::contains).orElse(false)
                    || (!own && !text(before.get(k.key())).equals(text(after.getOrDefault(k.key(), List.of()))));
            if (own && validatedInPlace.containsKey(k.object().get()) && !recreated.contains(k.object().get())) {
                continue;
            }
            if (goes && k.undo().isPresent() && done.add(k.key())) {
                if (own) {
                    steps.addAll(throughText.getOrDefault(k.object().get(), List.of()));
                }
                steps.add(new MigrationStep(k.undo().get(), dataLoss(k)));
            }
        }
        return steps;
    }

    /** Creates, in {@code to}'s order, what is new or changed, and alters each table of both sides at its turn. */
    private List<MigrationStep> create() {
        Set<String> recreatedNames = new HashSet<>();
        recreated.forEach(id -> recreatedNames.add(qualified(id)));
        List<MigrationStep> steps = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (KeyedStatement k : planTo) {
            Optional<ObjectId> object = k.object();
            boolean own = object.map(id -> id.toString().equals(k.key())).orElse(false);
            if (own && alteredInPlace.containsKey(object.get())) {
                if (done.add(k.key())) {
                    steps.addAll(alteredInPlace.get(object.get()));
                }
                continue;
            }
            if (own && validatedInPlace.containsKey(object.get()) && !recreated.contains(object.get())) {
                if (done.add(k.key())) {
                    steps.add(MigrationStep.of(validatedInPlace.get(object.get()), new Hazard(Hazard.Kind.VALIDATION_SCAN,
                            "CONSTRAINT " + qualified(object.get()), "every row is checked, under a lock that lets reads and writes go on")));
                }
                continue;
            }
            boolean isNew = !before.containsKey(k.key());
            boolean changed = !isNew && !text(before.get(k.key())).equals(text(after.get(k.key())));
            boolean ofRecreated = object.map(recreated::contains).orElse(false)
                    || (object.isEmpty() && mentions(k.key(), recreatedNames));
            if (isNew || changed || ofRecreated) {
                steps.add(MigrationStep.of(k.sql()));
                if (own && object.get().kind() == ObjectKind.MATERIALIZED_VIEW) {
                    // created WITH NO DATA, as a dump creates it: filled only if it is populated in {@code to}
                    find(to.views(), object.get(), View::id).filter(View::populated)
                            .ifPresent(v -> steps.add(MigrationStep.of(MaterializedViewRefresh.of(v))));
                }
            }
        }
        return steps;
    }

    /**
     * {@code ALTER EXTENSION ... UPDATE TO} for an extension both sides have in another version
     * (its {@code CREATE EXTENSION} does not name the version, so its key does not see the change),
     * before anything new is created that may use what the new version brings.
     */
    private List<MigrationStep> extensionUpdates() {
        List<MigrationStep> steps = new ArrayList<>();
        for (Extension b : to.extensions()) {
            find(from.extensions(), b.id(), Extension::id)
                    .filter(a -> !a.version().equals(b.version()) && !recreated.contains(b.id()))
                    .ifPresent(a -> steps.add(MigrationStep.of("ALTER EXTENSION " + Identifiers.quote(b.name())
                            + " UPDATE TO " + Literals.string(b.version()) + ";")));
        }
        return steps;
    }

    private List<Hazard> dataLoss(KeyedStatement k) {
        if (k.object().filter(id -> id.kind() == ObjectKind.TYPE && id.toString().equals(k.key())).isPresent()) {
            return removedLabels(k.object().get());
        }
        return k.object().filter(id -> id.kind() == ObjectKind.TABLE && id.toString().equals(k.key())
                        && !after.containsKey(k.key()))
                .map(id -> List.of(new Hazard(Hazard.Kind.DATA_LOSS, "TABLE " + qualified(id),
                        "the table is dropped with its rows" + possibleRename(id))))
                .orElse(List.of());
    }

    /**
     * A table only {@code to} has, in the same schema, with the same columns as the dropped
     * {@code id}: perhaps a rename, which the planner does not guess.
     */
    private String possibleRename(ObjectId id) {
        Optional<Table> dropped = find(from.tables(), id, Table::id);
        Set<ObjectId> before = tables(from).keySet();
        return dropped.flatMap(a -> to.tables().stream().filter(b -> !before.contains(b.id())
                        && b.schema().equals(a.schema()) && signature(b).equals(signature(a))).findFirst())
                .map(b -> " (possibly renamed to " + b.name().sql() + ", which has the same columns: map the rename"
                        + " with Renames to keep the rows)")
                .orElse("");
    }

    private static List<String> signature(Table t) {
        return t.columns().stream().map(c -> c.name() + " " + c.type()).toList();
    }

    /** An enum recreated without some of its labels: values holding one cannot be kept. */
    private List<Hazard> removedLabels(ObjectId id) {
        Optional<UserType> a = find(from.types(), id, UserType::id);
        Optional<UserType> b = find(to.types(), id, UserType::id);
        if (a.isPresent() && b.isPresent() && a.get() instanceof EnumType x && b.get() instanceof EnumType y) {
            List<String> removed = x.labels().stream().filter(l -> !y.labels().contains(l)).toList();
            if (!removed.isEmpty()) {
                return List.of(new Hazard(Hazard.Kind.IRREVERSIBLE, "TYPE " + y.name().sql(), "labels "
                        + String.join(", ", removed.stream().map(Literals::string).toList())
                        + " are removed: a value holding one makes the plan fail, and a plan back cannot restore them"));
            }
        }
        return List.of();
    }

    /**
     * A function replaced in place keeps what depends on it: possible when its arguments (names
     * and defaults included) and its result stay, which {@code pg_get_functiondef} writes on its
     * first two lines.
     */
    private static boolean replaceable(Routine a, Routine b) {
        List<String> x = a.definition().lines().limit(2).toList();
        List<String> y = b.definition().lines().limit(2).toList();
        return a.kind() == b.kind() && a.kind() != Routine.Kind.AGGREGATE && x.equals(y)
                && b.definition().startsWith("CREATE OR REPLACE");
    }

    /** An enum that only gains labels, the old ones in their order, gets them by ALTER TYPE ... ADD VALUE. */
    private static Optional<List<MigrationStep>> addedLabels(EnumType a, EnumType b) {
        List<String> kept = b.labels().stream().filter(a.labels()::contains).toList();
        if (!kept.equals(a.labels())) {
            return Optional.empty();
        }
        List<MigrationStep> steps = new ArrayList<>();
        for (int i = 0; i < b.labels().size(); i++) {
            String label = b.labels().get(i);
            if (!a.labels().contains(label)) {
                String where = i == 0 ? " BEFORE " + Literals.string(b.labels().get(1))
                        : " AFTER " + Literals.string(b.labels().get(i - 1));
                steps.add(MigrationStep.of("ALTER TYPE " + b.name().sql() + " ADD VALUE " + Literals.string(label)
                        + (b.labels().size() > 1 ? where : "") + ";"));
            }
        }
        return Optional.of(steps);
    }

    /** The objects' own keys (not their settings) in {@code plan}'s order. */
    private static List<ObjectId> ownKeys(List<KeyedStatement> plan) {
        Set<ObjectId> ids = new LinkedHashSet<>();
        plan.stream().filter(k -> k.object().map(id -> id.toString().equals(k.key())).orElse(false))
                .forEach(k -> ids.add(k.object().get()));
        return new ArrayList<>(ids);
    }

    /** Whether a comment's, owner's or grant's key names one of {@code names} (then its object was recreated). */
    private static boolean mentions(String key, Set<String> names) {
        for (String name : names) {
            int at = key.indexOf(name);
            while (at >= 0) {
                int end = at + name.length();
                boolean startsWord = at > 0 && key.charAt(at - 1) == ' ';
                boolean endsWord = end == key.length() || " (.".indexOf(key.charAt(end)) >= 0;
                if (startsWord && endsWord) {
                    return true;
                }
                at = key.indexOf(name, at + 1);
            }
        }
        return false;
    }

    private static String qualified(ObjectId id) {
        String name = id.name().contains(".") && id.kind() != ObjectKind.SCHEMA ? id.name() : Identifiers.quote(id.name());
        return id.schema().isEmpty() ? name : Identifiers.quote(id.schema()) + "." + name;
    }

    private static Map<String, List<KeyedStatement>> byKey(List<KeyedStatement> plan) {
        Map<String, List<KeyedStatement>> keyed = new LinkedHashMap<>();
        plan.forEach(k -> keyed.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(k));
        return keyed;
    }

    private static List<String> text(List<KeyedStatement> statements) {
        return statements.stream().map(KeyedStatement::sql).toList();
    }

    private static Map<ObjectId, Table> tables(Catalog catalog) {
        Map<ObjectId, Table> tables = new HashMap<>();
        catalog.tables().forEach(t -> tables.put(t.id(), t));
        return tables;
    }

    private static <T> Optional<T> find(List<? extends T> objects, ObjectId id, Function<T, ObjectId> idOf) {
        for (T o : objects) {
            if (idOf.apply(o).equals(id)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
