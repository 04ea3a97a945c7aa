package io.dbsnap.dumper;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.BaseType;
import io.dbsnap.catalog.Cast;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Collation;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Comment;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EventTrigger;
import io.dbsnap.catalog.Extension;
import io.dbsnap.catalog.ForeignTable;
import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.IndexAttachment;
import io.dbsnap.catalog.LargeObject;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.Operator;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.Routine;
import io.dbsnap.catalog.Rule;
import io.dbsnap.catalog.Schema;
import io.dbsnap.catalog.SecurityLabel;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.StatisticsObject;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.TextSearchConfiguration;
import io.dbsnap.catalog.TextSearchDictionary;
import io.dbsnap.catalog.Trigger;
import io.dbsnap.catalog.UserType;
import io.dbsnap.catalog.View;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Plans the statements that recreate a {@link Catalog}: pre-data objects in dependency order
 * (from {@code pg_depend}), then post-data in a fixed order that is always valid (keys before
 * the foreign keys that need them, and so on), event triggers last. Never talks to a server.
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
        pre.statements().forEach(sql -> plan.add(new PlannedStatement(Section.PRE_DATA, sql)));
        postData(catalog, options, pre.afterKeys()).forEach(sql -> plan.add(new PlannedStatement(Section.POST_DATA, sql)));
        return plan;
    }

    /**
     * The pre-data statements, the drops of the objects they create in the order of creation, and
     * the statements that must wait for the tables' keys (created after the data).
     */
    private record PreData(List<String> statements, List<String> dropsInCreationOrder, List<String> afterKeys) {
    }

    private static PreData preData(Catalog catalog) {
        Map<ObjectId, String> creates = new LinkedHashMap<>();
        Map<ObjectId, String> drops = new LinkedHashMap<>();
        for (Schema schema : catalog.schemas()) {
            // every database is created with schema public
            if (!schema.name().equals("public")) {
                creates.put(schema.id(), "CREATE SCHEMA " + quote(schema.name()) + ";");
                drops.put(schema.id(), "DROP SCHEMA IF EXISTS " + quote(schema.name()) + ";");
            }
        }
        for (Extension x : catalog.extensions()) {
            creates.put(x.id(), "CREATE EXTENSION IF NOT EXISTS " + quote(x.name()) + " WITH SCHEMA " + quote(x.schema()) + ";");
            drops.put(x.id(), "DROP EXTENSION IF EXISTS " + quote(x.name()) + ";");
        }
        for (Collation c : catalog.collations()) {
            creates.put(c.id(), CollationDdl.create(c));
            drops.put(c.id(), "DROP COLLATION IF EXISTS " + c.name().sql() + ";");
        }
        List<Dependency> dependencies = new ArrayList<>(catalog.dependencies());
        for (UserType type : catalog.types()) {
            if (type instanceof BaseType base && !base.isShell()) {
                // The shell breaks the loop between a base type and its input and output functions.
                ObjectId shell = shellOf(type);
                creates.put(shell, TypeDdl.createShell(type));
                dependencies.replaceAll(d -> d.referenced().equals(type.id()) && isRoutine(d.dependent())
                        ? new Dependency(d.dependent(), shell) : d);
            }
        }
        List<Table> tablesAndForeign = new ArrayList<>(catalog.tables());
        catalog.foreignTables().forEach(f -> tablesAndForeign.add(f.table()));
        SeparableParts.Split parts = SeparableParts.split(tablesAndForeign, catalog.types(), dependencies);
        dependencies = parts.dependencies();
        for (UserType type : catalog.types()) {
            String drop = "DROP " + (type instanceof DomainType ? "DOMAIN" : "TYPE") + " IF EXISTS " + type.name().sql();
            // a base type cannot be dropped without CASCADE: its functions depend on it
            if (type instanceof BaseType base && !base.isShell()) {
                drop += " CASCADE";
            }
            creates.put(type.id(), TypeDdl.create(type, parts::isSeparated));
            drops.put(type.id(), drop + ";");
        }
        for (Routine r : catalog.routines()) {
            creates.put(r.id(), r.definition() + ";");
            drops.put(r.id(), "DROP " + r.kind() + " IF EXISTS " + r.name().sql() + "("
                    + (r.kind() == Routine.Kind.AGGREGATE && r.signature().isEmpty() ? "*" : r.signature()) + ");");
        }
        for (Operator o : catalog.operators()) {
            creates.put(o.id(), OperatorDdl.create(o));
            drops.put(o.id(), "DROP OPERATOR IF EXISTS " + o.sql() + " " + o.arguments() + ";");
        }
        for (Cast c : catalog.casts()) {
            creates.put(c.id(), CastDdl.create(c));
            drops.put(c.id(), "DROP CAST IF EXISTS (" + c.source() + " AS " + c.target() + ");");
        }
        OtherKinds.add(catalog, creates, drops, dependencies);
        for (TextSearchDictionary d : catalog.textSearchDictionaries()) {
            creates.put(d.id(), TextSearchDdl.create(d));
            drops.put(d.id(), "DROP TEXT SEARCH DICTIONARY IF EXISTS " + d.name().sql() + ";");
        }
        for (TextSearchConfiguration c : catalog.textSearchConfigurations()) {
            creates.put(c.id(), TextSearchDdl.create(c));
            drops.put(c.id(), "DROP TEXT SEARCH CONFIGURATION IF EXISTS " + c.name().sql() + ";");
        }
        for (Sequence s : catalog.sequences()) {
            creates.put(s.id(), TableDdl.createSequence(s));
            drops.put(s.id(), "DROP SEQUENCE IF EXISTS " + s.name().sql() + ";");
        }
        for (Table t : catalog.tables()) {
            creates.put(t.id(), TableDdl.createTable(t, parts::isSeparated, "TABLE ", "", inheritedGeneration(catalog, t)));
            drops.put(t.id(), "DROP TABLE IF EXISTS " + t.name().sql() + ";");
        }
        for (ForeignTable f : catalog.foreignTables()) {
            creates.put(f.id(), ForeignTableDdl.create(f, parts::isSeparated));
            drops.put(f.id(), "DROP FOREIGN TABLE IF EXISTS " + f.table().name().sql() + ";");
        }
        parts.separated().forEach((id, part) -> {
            creates.put(id, part.create());
            drops.put(id, part.drop());
        });
        ViewPlaceholders.Split views = ViewPlaceholders.split(catalog.views(), dependencies, keys(catalog));
        dependencies = views.dependencies();
        views.queries().forEach((id, v) -> creates.put(id, ViewDdl.replace(v)));
        for (View v : catalog.views()) {
            creates.put(v.id(), views.placeholders().contains(v.id()) ? ViewDdl.placeholder(v) : ViewDdl.create(v));
            drops.put(v.id(), "DROP " + (v.materialized() ? "MATERIALIZED VIEW" : "VIEW") + " IF EXISTS " + v.name().sql() + ";");
        }
        for (LargeObject lo : catalog.largeObjects()) {
            creates.put(lo.id(), "SELECT pg_catalog.lo_create('" + lo.oid() + "');");
            drops.put(lo.id(), "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '"
                    + lo.oid() + "';");
        }

        List<ObjectId> preferred = new ArrayList<>(creates.keySet());
        preferred.sort(Comparator.comparing(ObjectId::kind).thenComparing(ObjectId::schema)
                .thenComparing(ObjectId::name).thenComparing(ObjectId::signature));
        List<String> statements = new ArrayList<>();
        List<String> afterKeys = new ArrayList<>();
        List<String> dropsInOrder = new ArrayList<>();
        Set<ObjectId> postponed = KeyDependents.find(creates.keySet(), dependencies, keys(catalog));
        for (ObjectId id : DependencyOrder.sort(preferred, dependencies)) {
            (postponed.contains(id) ? afterKeys : statements).add(creates.get(id));
            if (drops.containsKey(id)) {
                dropsInOrder.add(drops.get(id));
            }
        }
        // Once every table exists: sequences join their columns, partitions their parents.
        for (Sequence s : catalog.sequences()) {
            s.ownedBy().ifPresent(owner -> statements.add("ALTER SEQUENCE " + s.name().sql() + " OWNED BY "
                    + owner.table().sql() + "." + quote(owner.column()) + ";"));
        }
        for (Table t : tablesAndForeign) {
            if (t.isPartition()) {
                statements.add("ALTER TABLE ONLY " + t.partitionOf().orElseThrow().sql() + " ATTACH PARTITION "
                        + t.name().sql() + " " + t.partitionBound().orElseThrow() + ";");
            }
        }
        views.afterKeys().forEach(v -> afterKeys.add(ViewDdl.replace(v)));
        return new PreData(statements, dropsInOrder, afterKeys);
    }

    /** The generated columns of {@code table} that one of its (non-partition) parents has too. */
    private static Set<String> inheritedGeneration(Catalog catalog, Table table) {
        Set<String> names = new HashSet<>();
        for (Table parent : catalog.tables()) {
            if (table.inherits().contains(parent.name())) {
                parent.columns().stream().filter(c -> c.generated() != Column.Generated.NONE).forEach(c -> names.add(c.name()));
            }
        }
        return names;
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
        catalog.eventTriggers().forEach(e -> statements.add("DROP EVENT TRIGGER IF EXISTS " + quote(e.name()) + ";"));
        catalog.publications().forEach(p -> statements.add("DROP PUBLICATION IF EXISTS " + quote(p.name()) + ";"));
        for (Table t : catalog.tables()) {
            t.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY).forEach(c -> statements.add(
                    "ALTER TABLE IF EXISTS " + (t.isPartitioned() ? "" : "ONLY ") + t.name().sql()
                            + " DROP CONSTRAINT IF EXISTS " + quote(c.name()) + ";"));
        }
        List<String> drops = new ArrayList<>(pre.dropsInCreationOrder());
        Collections.reverse(drops);
        statements.addAll(drops);
        return statements;
    }

    private static ObjectId shellOf(UserType type) {
        return new ObjectId(ObjectKind.TYPE, type.name().schema(), type.name().name(), "shell");
    }

    private static boolean isRoutine(ObjectId id) {
        return id.kind() == ObjectKind.FUNCTION || id.kind() == ObjectKind.PROCEDURE;
    }

    private static List<String> postData(Catalog catalog, DdlOptions options, List<String> afterKeys) {
        List<String> statements = new ArrayList<>();
        for (Table t : catalog.tables()) {
            for (Constraint c : t.constraints()) {
                boolean key = c.type() != Constraint.Type.CHECK && c.type() != Constraint.Type.FOREIGN_KEY;
                boolean uncheckedCheck = c.type() == Constraint.Type.CHECK && !c.validated() && c.local();
                if (key || uncheckedCheck) {
                    statements.add(addConstraint(t, c));
                }
            }
        }
        statements.addAll(afterKeys);
        for (Index i : catalog.indexes()) {
            statements.add(i.definition() + ";");
            for (String target : i.columnStatistics()) {
                int split = target.indexOf('=');
                statements.add("ALTER INDEX " + i.name().sql() + " ALTER COLUMN " + target.substring(0, split)
                        + " SET STATISTICS " + target.substring(split + 1) + ";");
            }
        }
        for (IndexAttachment a : catalog.indexAttachments()) {
            statements.add("ALTER INDEX " + a.parent().sql() + " ATTACH PARTITION " + a.child().sql() + ";");
        }
        for (Table t : catalog.tables()) {
            t.replicaIndex().filter(i -> t.replicaIdentity().equals("i")).ifPresent(i -> statements.add(
                    "ALTER TABLE ONLY " + t.name().sql() + " REPLICA IDENTITY USING INDEX " + quote(i) + ";"));
            t.clusterIndex().ifPresent(i -> statements.add("ALTER TABLE " + t.name().sql() + " CLUSTER ON " + quote(i) + ";"));
        }
        catalog.views().forEach(v -> statements.addAll(ViewDdl.settings(v)));
        for (UserType type : catalog.types()) {
            if (type instanceof DomainType d) {
                d.constraints().stream().filter(c -> !c.validated()).forEach(c -> statements.add("ALTER DOMAIN "
                        + d.name().sql() + " ADD CONSTRAINT " + quote(c.name()) + " " + c.definition() + ";"));
            }
        }
        for (Table t : catalog.tables()) {
            t.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                    .forEach(c -> statements.add(addConstraint(t, c)));
        }
        for (StatisticsObject s : catalog.statistics()) {
            statements.add(s.definition() + ";");
            s.statisticsTarget().ifPresent(n -> statements.add("ALTER STATISTICS " + s.name().sql() + " SET STATISTICS " + n + ";"));
        }
        for (Rule rule : catalog.rules()) {
            statements.add(rule.definition() + ";");
            String state = enabledState(rule.enabled());
            if (state != null) {
                statements.add("ALTER TABLE " + rule.table().sql() + " " + state + " RULE " + quote(rule.name()) + ";");
            }
        }
        List<Trigger> clones = catalog.triggers().stream().filter(t -> t.cloneOf().isPresent()).toList();
        for (Trigger trigger : catalog.triggers()) {
            if (trigger.cloneOf().isPresent()) {
                continue;
            }
            statements.add(trigger.definition() + ";");
            String state = enabledState(trigger.enabled());
            if (state != null) {
                // no ONLY: the partitions' copies take the parent's state, as they had it
                statements.add("ALTER TABLE " + trigger.table().sql() + " " + state + " TRIGGER " + quote(trigger.name()) + ";");
            }
        }
        // A partition's copy whose state was set apart from its parent's, after every parent's state is set.
        for (Trigger clone : clones) {
            String state = Optional.ofNullable(enabledState(clone.enabled())).orElse("ENABLE");
            statements.add("ALTER TABLE ONLY " + clone.table().sql() + " " + state + " TRIGGER " + quote(clone.name()) + ";");
        }
        // after the triggers and indexes it may name; the objects themselves are not the extension's
        for (Extension x : catalog.extensions()) {
            x.dependents().forEach(d -> statements.add("ALTER " + d + " DEPENDS ON EXTENSION " + quote(x.name()) + ";"));
        }
        for (Table t : catalog.tables()) {
            if (t.rowSecurity()) {
                statements.add("ALTER TABLE " + t.name().sql() + " ENABLE ROW LEVEL SECURITY;");
            }
            if (t.forceRowSecurity()) {
                statements.add("ALTER TABLE " + t.name().sql() + " FORCE ROW LEVEL SECURITY;");
            }
        }
        catalog.policies().forEach(p -> statements.add(createPolicy(p)));
        catalog.publications().forEach(p -> statements.addAll(PublicationDdl.create(p)));
        catalog.subscriptions().forEach(sub -> statements.add(PublicationDdl.create(sub)));
        // Event triggers come last, with what is said about them: nothing else may make them fire.
        String eventTrigger = "EVENT TRIGGER ";
        Predicate<String> notEventTrigger = target -> !target.startsWith(eventTrigger);
        statements.addAll(commentsAndLabels(catalog, notEventTrigger));
        statements.addAll(access(catalog, options, notEventTrigger));
        if (options.privileges()) {
            catalog.defaultPrivileges().forEach(d -> statements.addAll(AccessDdl.defaultPrivileges(d)));
        }
        for (EventTrigger e : catalog.eventTriggers()) {
            statements.add(EventTriggerDdl.create(e));
        }
        statements.addAll(commentsAndLabels(catalog, notEventTrigger.negate()));
        statements.addAll(access(catalog, options, notEventTrigger.negate()));
        return statements;
    }

    /** Owners first: a change of owner rewrites the access control list, so it must not come after it. */
    private static List<String> access(Catalog catalog, DdlOptions options, Predicate<String> targets) {
        List<String> statements = new ArrayList<>();
        if (options.owners()) {
            catalog.owners().stream().filter(o -> targets.test(o.target())).forEach(o -> statements.add(AccessDdl.owner(o)));
        }
        if (options.privileges()) {
            catalog.privileges().stream().filter(a -> targets.test(a.target()))
                    .forEach(a -> statements.addAll(AccessDdl.privileges(a)));
        }
        return statements;
    }

    private static List<String> commentsAndLabels(Catalog catalog, Predicate<String> targets) {
        List<String> statements = new ArrayList<>();
        for (Comment c : catalog.comments()) {
            if (targets.test(c.target())) {
                statements.add("COMMENT ON " + c.target() + " IS " + Literals.string(c.text()) + ";");
            }
        }
        for (SecurityLabel l : catalog.securityLabels()) {
            if (targets.test(l.target())) {
                statements.add("SECURITY LABEL FOR " + quote(l.provider()) + " ON " + l.target() + " IS "
                        + Literals.string(l.label()) + ";");
            }
        }
        return statements;
    }

    /**
     * The {@code ALTER ...} words for a trigger's, rule's or event trigger's state ({@code O} origin,
     * the default; {@code D} disabled; {@code R} replica; {@code A} always), or null for the default.
     */
    static String enabledState(String code) {
        return switch (code) {
            case "D" -> "DISABLE";
            case "R" -> "ENABLE REPLICA";
            case "A" -> "ENABLE ALWAYS";
            default -> null;
        };
    }

    private static String addConstraint(Table table, Constraint c) {
        // A foreign key on a partitioned table must reach its partitions, so no ONLY there.
        String only = c.type() == Constraint.Type.FOREIGN_KEY && table.isPartitioned() ? "" : "ONLY ";
        return "ALTER TABLE " + only + table.name().sql() + "\n    ADD CONSTRAINT " + quote(c.name()) + " "
                + c.definition() + ";";
    }

    private static String createPolicy(Policy p) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(quote(p.name())).append(" ON ")
                .append(p.table().sql());
        if (!p.permissive()) {
            sql.append(" AS RESTRICTIVE");
        }
        if (!p.command().equals("ALL")) {
            sql.append(" FOR ").append(p.command());
        }
        // "public" is the PUBLIC pseudo-role and must stay unquoted; real roles are identifiers.
        sql.append(" TO ").append(p.roles().stream().map(r -> r.equals("public") ? "PUBLIC" : quote(r))
                .collect(Collectors.joining(", ")));
        p.using().ifPresent(u -> sql.append(" USING (").append(u).append(')'));
        p.withCheck().ifPresent(w -> sql.append(" WITH CHECK (").append(w).append(')'));
        return sql.append(';').toString();
    }
}
