package io.dbsnap.dumper.internal.plan;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EventTrigger;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.Trigger;
import io.dbsnap.catalog.UserType;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.dump.Section;
import io.dbsnap.dumper.internal.ddl.AccessDdl;
import io.dbsnap.dumper.internal.ddl.CastDdl;
import io.dbsnap.dumper.internal.ddl.CollationDdl;
import io.dbsnap.dumper.internal.ddl.CommentDdl;
import io.dbsnap.dumper.internal.ddl.ConstraintDdl;
import io.dbsnap.dumper.internal.ddl.EventTriggerDdl;
import io.dbsnap.dumper.internal.ddl.ExtensionDdl;
import io.dbsnap.dumper.internal.ddl.ForeignTableDdl;
import io.dbsnap.dumper.internal.ddl.IndexDdl;
import io.dbsnap.dumper.internal.ddl.LargeObjectDdl;
import io.dbsnap.dumper.internal.ddl.ObjectDdl;
import io.dbsnap.dumper.internal.ddl.OperatorDdl;
import io.dbsnap.dumper.internal.ddl.OtherKinds;
import io.dbsnap.dumper.internal.ddl.PolicyDdl;
import io.dbsnap.dumper.internal.ddl.PublicationDdl;
import io.dbsnap.dumper.internal.ddl.RoutineDdl;
import io.dbsnap.dumper.internal.ddl.RuleDdl;
import io.dbsnap.dumper.internal.ddl.SchemaDdl;
import io.dbsnap.dumper.internal.ddl.SeparableParts;
import io.dbsnap.dumper.internal.ddl.ShellTypes;
import io.dbsnap.dumper.internal.ddl.StatisticsDdl;
import io.dbsnap.dumper.internal.ddl.TableDdl;
import io.dbsnap.dumper.internal.ddl.TextSearchDdl;
import io.dbsnap.dumper.internal.ddl.TriggerDdl;
import io.dbsnap.dumper.internal.ddl.TypeDdl;
import io.dbsnap.dumper.internal.ddl.ViewDdl;
import io.dbsnap.dumper.internal.ddl.ViewPlaceholders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Plans the statements that recreate a {@link Catalog}: pre-data objects in dependency order
 * (from {@code pg_depend}), then post-data in a fixed order that is always valid (keys before
 * the foreign keys that need them, and so on), event triggers last. Never talks to a server, and
 * writes no DDL: each kind's {@code *Ddl} class does (pre-data objects come as {@link ObjectDdl}),
 * and each dependency loop is broken by a class of its own ({@link ShellTypes},
 * {@link SeparableParts}, {@link ViewPlaceholders}), as in pg_dump's {@code pg_dump_sort.c}.
 */
public final class DdlPlanner {

    private DdlPlanner() {
    }

    public static List<PlannedStatement> plan(Catalog catalog) {
        return plan(catalog, DdlOptions.defaults());
    }

    public static List<PlannedStatement> plan(Catalog catalog, DdlOptions options) {
        PreData pre = preData(catalog);
        List<PlannedStatement> plan = new ArrayList<>();
        if (options.clean()) {
            clean(catalog, pre).forEach(sql -> plan.add(new PlannedStatement(Section.CLEAN, sql)));
        }
        pre.statements().forEach(k -> plan.add(new PlannedStatement(Section.PRE_DATA, k.sql())));
        postData(catalog, options, pre.afterKeys()).forEach(k -> plan.add(new PlannedStatement(Section.POST_DATA, k.sql())));
        return plan;
    }

    /**
     * The statements of {@link #plan} (without a clean section), each with the object it
     * creates or sets: what {@link MigrationPlanner} compares between two catalogs.
     */
    public static List<KeyedStatement> keyed(Catalog catalog, DdlOptions options) {
        PreData pre = preData(catalog);
        List<KeyedStatement> plan = new ArrayList<>(pre.statements());
        postData(catalog, options, pre.afterKeys()).forEach(k -> plan.add(k.inSection(Section.POST_DATA)));
        return plan;
    }

    /**
     * The pre-data statements, the drops of the objects they create in the order of creation, and
     * the statements that must wait for the tables' keys (created after the data).
     */
    private record PreData(List<KeyedStatement> statements, List<String> dropsInCreationOrder,
                           List<KeyedStatement> afterKeys) {
    }

    private static PreData preData(Catalog catalog) {
        Map<ObjectId, ObjectDdl> objects = new LinkedHashMap<>();
        Consumer<ObjectDdl> add = o -> objects.put(o.id(), o);
        catalog.schemas().forEach(s -> SchemaDdl.of(s).ifPresent(add));
        catalog.extensions().forEach(x -> add.accept(ExtensionDdl.of(x)));
        catalog.collations().forEach(c -> add.accept(CollationDdl.of(c)));
        ShellTypes.Split shells = ShellTypes.split(catalog.types(), catalog.dependencies());
        shells.shells().forEach(add);
        List<Table> tablesAndForeign = new ArrayList<>(catalog.tables());
        catalog.foreignTables().forEach(f -> tablesAndForeign.add(f.table()));
        SeparableParts.Split parts = SeparableParts.split(tablesAndForeign, catalog.types(), shells.dependencies());
        List<Dependency> dependencies = parts.dependencies();
        catalog.types().forEach(t -> add.accept(TypeDdl.of(t, parts::isSeparated)));
        catalog.routines().forEach(r -> add.accept(RoutineDdl.of(r)));
        catalog.operators().forEach(o -> add.accept(OperatorDdl.of(o)));
        catalog.casts().forEach(c -> add.accept(CastDdl.of(c)));
        OtherKinds.add(catalog, add, dependencies);
        catalog.textSearchDictionaries().forEach(d -> add.accept(TextSearchDdl.of(d)));
        catalog.textSearchConfigurations().forEach(c -> add.accept(TextSearchDdl.of(c)));
        catalog.sequences().forEach(s -> add.accept(TableDdl.of(s)));
        catalog.tables().forEach(t -> add.accept(TableDdl.of(t, parts::isSeparated, catalog.tables())));
        catalog.foreignTables().forEach(f -> add.accept(ForeignTableDdl.of(f, parts::isSeparated)));
        parts.separated().values().forEach(add);
        ViewPlaceholders.Split views = ViewPlaceholders.split(catalog.views(), dependencies, keys(catalog));
        dependencies = views.dependencies();
        views.queries().forEach((id, v) -> add.accept(ViewDdl.query(id, v)));
        catalog.views().forEach(v -> add.accept(ViewDdl.of(v, views.placeholders().contains(v.id()))));
        catalog.largeObjects().forEach(lo -> add.accept(LargeObjectDdl.of(lo)));

        List<ObjectId> preferred = new ArrayList<>(objects.keySet());
        preferred.sort(Comparator.comparing(ObjectId::kind).thenComparing(ObjectId::schema)
                .thenComparing(ObjectId::name).thenComparing(ObjectId::signature));
        List<KeyedStatement> statements = new ArrayList<>();
        List<KeyedStatement> afterKeys = new ArrayList<>();
        List<String> dropsInOrder = new ArrayList<>();
        Set<ObjectId> postponed = KeyDependents.find(objects.keySet(), dependencies, keys(catalog));
        for (ObjectId id : DependencyOrder.sort(preferred, dependencies)) {
            ObjectDdl object = objects.get(id);
            (postponed.contains(id) ? afterKeys : statements).add(KeyedStatement.of(object));
            object.drop().ifPresent(dropsInOrder::add);
        }
        // Once every table exists: sequences join their columns, partitions their parents.
        catalog.sequences().forEach(s -> TableDdl.ownedBy(s).ifPresent(sql -> statements.add(
                KeyedStatement.setting(s.id(), "owned by", sql))));
        tablesAndForeign.forEach(t -> TableDdl.attachPartition(t).ifPresent(sql -> statements.add(
                KeyedStatement.setting(t.id(), "partition of", sql).undoneBy(TableDdl.detachPartition(t)))));
        views.afterKeys().forEach(v -> afterKeys.add(KeyedStatement.setting(v.id(), "query", ViewDdl.replace(v))));
        return new PreData(statements, dropsInOrder, afterKeys);
    }

    /** The primary keys and unique constraints, created after the data, that a view's query may rely on. */
    private static Set<ObjectId> keys(Catalog catalog) {
        Set<ObjectId> keys = new HashSet<>();
        catalog.tables().forEach(t -> t.constraints().stream()
                .filter(c -> c.type() == Constraint.Type.PRIMARY_KEY || c.type() == Constraint.Type.UNIQUE)
                .forEach(c -> keys.add(c.id())));
        return keys;
    }

    /**
     * Drops every object of the catalog that exists, in the reverse of the order of creation, so
     * that nothing is dropped before what depends on it. What lives on a table (indexes, keys,
     * triggers, policies, rules) goes with the table; foreign keys are dropped first because they
     * tie tables to each other; event triggers first of all, so that none fires on the drops.
     */
    private static List<String> clean(Catalog catalog, PreData pre) {
        List<String> statements = new ArrayList<>();
        catalog.eventTriggers().forEach(e -> statements.add(EventTriggerDdl.drop(e)));
        catalog.publications().forEach(p -> statements.add(PublicationDdl.drop(p)));
        for (Table t : catalog.tables()) {
            t.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                    .forEach(c -> statements.add(ConstraintDdl.dropForeignKey(t, c)));
        }
        List<String> drops = new ArrayList<>(pre.dropsInCreationOrder());
        Collections.reverse(drops);
        statements.addAll(drops);
        return statements;
    }

    private static List<KeyedStatement> postData(Catalog catalog, DdlOptions options, List<KeyedStatement> afterKeys) {
        List<KeyedStatement> statements = new ArrayList<>();
        for (Table t : catalog.tables()) {
            for (Constraint c : t.constraints()) {
                boolean key = c.type() != Constraint.Type.CHECK && c.type() != Constraint.Type.FOREIGN_KEY;
                boolean uncheckedCheck = c.type() == Constraint.Type.CHECK && !c.validated() && c.local();
                if (key || uncheckedCheck) {
                    statements.add(KeyedStatement.object(c.id(), ConstraintDdl.add(t, c), ConstraintDdl.drop(t, c)));
                }
            }
        }
        statements.addAll(afterKeys);
        catalog.indexes().forEach(i -> IndexDdl.create(i).forEach(sql -> statements.add(
                KeyedStatement.object(i.id(), sql, IndexDdl.drop(i)))));
        catalog.indexAttachments().forEach(a -> statements.add(KeyedStatement.setting(
                ObjectId.of(ObjectKind.INDEX, a.child().schema(), a.child().name()), "attached", IndexDdl.attach(a))));
        catalog.tables().forEach(t -> TableDdl.indexSettings(t).forEach(sql -> statements.add(
                KeyedStatement.setting(t.id(), "index settings", sql))));
        catalog.views().forEach(v -> ViewDdl.settings(v).forEach(sql -> statements.add(
                KeyedStatement.setting(v.id(), "settings", sql))));
        for (UserType type : catalog.types()) {
            if (type instanceof DomainType d) {
                d.constraints().stream().filter(c -> !c.validated()).forEach(c -> statements.add(KeyedStatement.setting(
                        d.id(), "constraint " + c.name(), ConstraintDdl.addToDomain(d, c))
                        .undoneBy(ConstraintDdl.dropFromDomain(d, c))));
            }
        }
        for (Table t : catalog.tables()) {
            t.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                    .forEach(c -> statements.add(KeyedStatement.object(c.id(), ConstraintDdl.add(t, c),
                            ConstraintDdl.dropForeignKey(t, c))));
        }
        catalog.statistics().forEach(st -> StatisticsDdl.create(st).forEach(sql -> statements.add(
                KeyedStatement.object(st.id(), sql, StatisticsDdl.drop(st)))));
        catalog.rules().forEach(r -> RuleDdl.create(r).forEach(sql -> statements.add(
                KeyedStatement.object(r.id(), sql, RuleDdl.drop(r)))));
        List<Trigger> clones = catalog.triggers().stream().filter(t -> t.cloneOf().isPresent()).toList();
        catalog.triggers().stream().filter(t -> t.cloneOf().isEmpty()).forEach(t -> TriggerDdl.create(t).forEach(
                sql -> statements.add(KeyedStatement.object(t.id(), sql, TriggerDdl.drop(t)))));
        // A partition's copy whose state was set apart from its parent's, after every parent's state is set.
        clones.forEach(c -> statements.add(KeyedStatement.setting(c.id(), "state", TriggerDdl.cloneState(c))));
        // after the triggers and indexes they may name
        catalog.extensions().forEach(x -> ExtensionDdl.dependents(x).forEach(sql -> statements.add(
                KeyedStatement.setting(x.id(), "dependents", sql))));
        catalog.tables().forEach(t -> PolicyDdl.rowSecurity(t).forEach(sql -> statements.add(
                KeyedStatement.setting(t.id(), "row security", sql).undoneBy(PolicyDdl.noRowSecurity(t)))));
        catalog.policies().forEach(p -> statements.add(KeyedStatement.object(p.id(), PolicyDdl.create(p), PolicyDdl.drop(p))));
        catalog.publications().forEach(p -> PublicationDdl.create(p).forEach(sql -> statements.add(
                KeyedStatement.object(p.id(), sql, PublicationDdl.drop(p)))));
        catalog.subscriptions().forEach(sub -> statements.add(KeyedStatement.setting(sub.id(), "", PublicationDdl.create(sub))));
        // Event triggers come last, with what is said about them: nothing else may make them fire.
        String eventTrigger = "EVENT TRIGGER ";
        Predicate<String> notEventTrigger = target -> !target.startsWith(eventTrigger);
        statements.addAll(commentsAndLabels(catalog, notEventTrigger));
        statements.addAll(access(catalog, options, notEventTrigger));
        if (options.privileges()) {
            catalog.defaultPrivileges().forEach(d -> AccessDdl.defaultPrivileges(d).forEach(sql -> statements.add(
                    KeyedStatement.target("default privileges " + d.role() + " " + d.schema().orElse("") + " "
                            + d.objectType(), sql))));
        }
        for (EventTrigger e : catalog.eventTriggers()) {
            statements.add(KeyedStatement.object(e.id(), EventTriggerDdl.create(e), EventTriggerDdl.drop(e)));
        }
        statements.addAll(commentsAndLabels(catalog, notEventTrigger.negate()));
        statements.addAll(access(catalog, options, notEventTrigger.negate()));
        return statements;
    }

    /** Owners first: a change of owner rewrites the access control list, so it must not come after it. */
    private static List<KeyedStatement> access(Catalog catalog, DdlOptions options, Predicate<String> targets) {
        List<KeyedStatement> statements = new ArrayList<>();
        if (options.owners()) {
            catalog.owners().stream().filter(o -> targets.test(o.target()))
                    .forEach(o -> statements.add(KeyedStatement.target("owner of " + o.target(), AccessDdl.owner(o))));
        }
        if (options.privileges()) {
            catalog.privileges().stream().filter(a -> targets.test(a.target())).forEach(a -> AccessDdl.privileges(a)
                    .forEach(sql -> statements.add(KeyedStatement.target(AccessDdl.key(a), sql)
                            .undoneBy(String.join("\n", AccessDdl.undo(a))))));
        }
        return statements;
    }

    private static List<KeyedStatement> commentsAndLabels(Catalog catalog, Predicate<String> targets) {
        List<KeyedStatement> statements = new ArrayList<>();
        catalog.comments().stream().filter(c -> targets.test(c.target())).forEach(c -> statements.add(
                KeyedStatement.target("comment on " + c.target(), CommentDdl.comment(c)).undoneBy(CommentDdl.noComment(c))));
        catalog.securityLabels().stream().filter(l -> targets.test(l.target())).forEach(l -> statements.add(
                KeyedStatement.target("label " + l.provider() + " on " + l.target(), CommentDdl.securityLabel(l))
                        .undoneBy(CommentDdl.noSecurityLabel(l))));
        return statements;
    }
}
