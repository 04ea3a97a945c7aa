package io.dbsnap.dumper.internal.plan;

import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.dumper.internal.ddl.ViewPlaceholders;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the definitions that cannot be created before the tables' keys, which come after the data:
 * a function with a SQL-standard body ({@code BEGIN ATOMIC}) or a materialized view whose query
 * groups by a primary key and selects other columns of the table (a functional dependency), and
 * the functions and views built on those. pg_dump postpones them to its post-data section the same
 * way ({@code postponed_def}); a plain view is given a placeholder instead ({@link ViewPlaceholders}).
 */
final class KeyDependents {

    /** The kinds that hold no data, so that creating them after the data changes nothing. */
    private static final Set<ObjectKind> DEFINITIONS = EnumSet.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE,
            ObjectKind.AGGREGATE, ObjectKind.MATERIALIZED_VIEW, ObjectKind.VIEW);

    private KeyDependents() {
    }

    /**
     * @param created the objects created before the data
     * @param keys    the keys created after it
     * @return the objects of {@code created} to create right after the keys
     */
    static Set<ObjectId> find(Set<ObjectId> created, List<Dependency> dependencies, Set<ObjectId> keys) {
        Map<ObjectId, List<ObjectId>> dependents = new HashMap<>();
        Deque<ObjectId> todo = new ArrayDeque<>();
        for (Dependency d : dependencies) {
            dependents.computeIfAbsent(d.referenced(), k -> new ArrayList<>()).add(d.dependent());
            if (keys.contains(d.referenced()) && created.contains(d.dependent()) && DEFINITIONS.contains(d.dependent().kind())) {
                todo.add(d.dependent());
            }
        }
        Set<ObjectId> postponed = new HashSet<>();
        while (!todo.isEmpty()) {
            ObjectId next = todo.pop();
            if (postponed.add(next)) {
                dependents.getOrDefault(next, List.of()).stream()
                        .filter(o -> created.contains(o) && DEFINITIONS.contains(o.kind())).forEach(todo::add);
            }
        }
        return postponed;
    }
}
