package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.Extension;
import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.Publication;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Routine;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.View;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Leaves out of a catalog the tables, views and sequences that {@link RelationPatterns} do not
 * keep, with everything that lives on them: indexes, triggers, rules, policies, statistics,
 * sequences they own, partitions of a left-out table, comments, owners, privileges and publication
 * memberships, and the functions, operators and casts that need a left-out relation's row type.
 * Other kinds (types, functions, ...) stay, so that what is kept can be created.
 */
public final class RelationPruner {

    private RelationPruner() {
    }

    public static Catalog prune(Catalog c, RelationPatterns patterns) {
        if (patterns.isAll()) {
            return c;
        }
        Set<QualifiedName> tables = new HashSet<>();
        for (Table t : c.tables()) {
            if (patterns.keeps(t.name())) {
                tables.add(t.name());
            }
        }
        // a partition cannot be attached to a parent that is not there
        c.tables().stream().filter(t -> t.partitionOf().isPresent() && !tables.contains(t.partitionOf().get()))
                .forEach(t -> tables.remove(t.name()));
        Set<QualifiedName> relations = new HashSet<>(tables);
        c.views().stream().map(View::name).filter(patterns::keeps).forEach(relations::add);
        List<Sequence> sequences = c.sequences().stream().filter(s -> s.ownedBy()
                .map(o -> tables.contains(o.table())).orElse(patterns.keeps(s.name()))).toList();
        sequences.forEach(s -> relations.add(s.name()));
        List<Index> indexes = c.indexes().stream().filter(i -> relations.contains(i.table())).toList();
        Set<QualifiedName> indexNames = new HashSet<>();
        indexes.forEach(i -> indexNames.add(i.name()));

        Set<String> gone = new HashSet<>();
        List<QualifiedName> all = new ArrayList<>();
        c.tables().forEach(t -> all.add(t.name()));
        c.views().forEach(v -> all.add(v.name()));
        c.sequences().forEach(s -> all.add(s.name()));
        all.stream().filter(n -> !relations.contains(n)).forEach(n -> gone.add(n.sql()));
        c.indexes().stream().filter(i -> !indexNames.contains(i.name())).forEach(i -> gone.add(i.name().sql()));
        c.statistics().stream().filter(s -> !relations.contains(s.table())).forEach(s -> gone.add(s.name().sql()));
        // What cannot exist without a left-out relation goes too, as with DROP TABLE ... CASCADE:
        // a function that takes a table's row type, an operator or cast built on such a function.
        Set<ObjectId> goneIds = new HashSet<>();
        c.tables().stream().filter(t -> !relations.contains(t.name())).forEach(t -> goneIds.add(t.id()));
        c.views().stream().filter(v -> !relations.contains(v.name())).forEach(v -> goneIds.add(v.id()));
        Set<ObjectId> dependents = dependentsOf(goneIds, c.dependencies());
        List<Routine> routines = c.routines().stream().filter(r -> !dependents.contains(r.id())).toList();
        c.routines().stream().filter(r -> dependents.contains(r.id()))
                .forEach(r -> gone.add(r.name().sql() + "(" + r.signature() + ")"));
        Predicate<String> keptTarget = target -> !aboutGone(target, gone);

        // an object marked as depending on an extension may be one left out
        List<Extension> extensions = c.extensions().stream().map(x -> new Extension(x.name(), x.schema(), x.version(),
                x.dependents().stream().filter(keptTarget).toList())).toList();
        return new Catalog(c.schemas(), extensions, c.collations(), c.types(), sequences,
                c.tables().stream().filter(t -> tables.contains(t.name())).toList(),
                c.views().stream().filter(v -> relations.contains(v.name())).toList(),
                indexes,
                c.indexAttachments().stream().filter(a -> indexNames.contains(a.parent()) && indexNames.contains(a.child())).toList(),
                routines,
                c.operators().stream().filter(o -> !dependents.contains(o.id())).toList(),
                c.casts().stream().filter(k -> !dependents.contains(k.id())).toList(), c.textSearchDictionaries(), c.textSearchConfigurations(),
                c.triggers().stream().filter(t -> relations.contains(t.table())).toList(),
                c.rules().stream().filter(r -> relations.contains(r.table())).toList(),
                c.statistics().stream().filter(s -> relations.contains(s.table())).toList(),
                c.policies().stream().filter(p -> relations.contains(p.table())).toList(),
                c.publications().stream().map(p -> new Publication(p.name(), p.allTables(), p.publish(), p.viaPartitionRoot(),
                        p.generatedColumns(), p.tables().stream().filter(m -> relations.contains(m.table())).toList(),
                        p.schemas())).toList(),
                c.eventTriggers(), c.largeObjects(),
                c.comments().stream().filter(x -> keptTarget.test(x.target())).toList(),
                c.securityLabels().stream().filter(x -> keptTarget.test(x.target())).toList(),
                c.owners().stream().filter(x -> keptTarget.test(x.target())).toList(),
                c.privileges().stream().filter((AccessControl x) -> keptTarget.test(x.target())).toList(),
                c.defaultPrivileges(), c.dependencies(), c.operatorFamilies(), c.operatorClasses(), c.accessMethods(),
                c.languages(), c.conversions(), c.transforms(), c.textSearchParsers(), c.textSearchTemplates(),
                c.foreignDataWrappers(), c.foreignServers(), c.userMappings(), c.foreignTables(), c.subscriptions());
    }

    /** Everything that depends on one of {@code ids}, directly or through other objects. */
    private static Set<ObjectId> dependentsOf(Set<ObjectId> ids, List<Dependency> dependencies) {
        Map<ObjectId, List<ObjectId>> dependentsByReferenced = new HashMap<>();
        for (Dependency d : dependencies) {
            dependentsByReferenced.computeIfAbsent(d.referenced(), k -> new ArrayList<>()).add(d.dependent());
        }
        Set<ObjectId> found = new HashSet<>();
        Deque<ObjectId> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            for (ObjectId dependent : dependentsByReferenced.getOrDefault(todo.pop(), List.of())) {
                if (found.add(dependent)) {
                    todo.push(dependent);
                }
            }
        }
        return found;
    }

    /**
     * Whether a target such as {@code TABLE s.t}, {@code COLUMN s.t.c} or {@code TRIGGER x ON s.t}
     * names a relation, index or statistics object that is left out (names as {@code quote_ident} renders them).
     */
    private static boolean aboutGone(String target, Set<String> gone) {
        int on = target.lastIndexOf(" ON ");
        if (on >= 0 && gone.contains(target.substring(on + 4))) {
            return true;
        }
        int space = target.indexOf(' ');
        String rest = target.substring(space + 1);
        for (String prefix : List.of("MATERIALIZED VIEW ", "FOREIGN TABLE ")) {
            if (target.startsWith(prefix)) {
                rest = target.substring(prefix.length());
            }
        }
        if (target.startsWith("COLUMN ")) {
            int lastDot = lastUnquotedDot(rest);
            rest = lastDot < 0 ? rest : rest.substring(0, lastDot);
        }
        return gone.contains(rest);
    }

    /** The position of the last dot outside double quotes. */
    private static int lastUnquotedDot(String name) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '.' && !quoted) {
                last = i;
            }
        }
        return last;
    }
}
