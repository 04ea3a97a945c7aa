package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.View;
import io.dbsnap.dumper.internal.graph.StronglyConnected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which views are first created as a placeholder of the same columns and then given
 * their query with {@code CREATE OR REPLACE VIEW}, as pg_dump's {@code pg_dump_sort.c} repairs:
 * <ul>
 *   <li>a view whose query relies on a table's primary key ({@code GROUP BY} the key and select
 *       other columns: a functional dependency) cannot exist before that key, which is created
 *       after the data; its query is set right after the keys;</li>
 *   <li>a view in a dependency loop (a function that returns or reads the view, called by the
 *       view) gets its query after the rest of the loop.</li>
 * </ul>
 * Materialized views and views of no column are left as they are.
 */
public final class ViewPlaceholders {

    /**
     * @param dependencies the dependencies with the placeholders' loops broken
     * @param placeholders the views created as a placeholder first
     * @param queries      the id under which each view in a loop gets its query before the data
     * @param afterKeys    the views that get their query after the keys, in catalog order
     */
    public record Split(List<Dependency> dependencies, Set<ObjectId> placeholders, Map<ObjectId, View> queries,
                 List<View> afterKeys) {
    }

    private ViewPlaceholders() {
    }

    /** The identity of a view's {@code CREATE OR REPLACE VIEW} that follows its placeholder. */
    static ObjectId queryOf(View view) {
        return new ObjectId(view.id().kind(), view.id().schema(), view.id().name(), "query");
    }

    /**
     * @param afterData what is created after the data (the tables' keys), that a view may depend on
     */
    public static Split split(List<View> views, List<Dependency> dependencies, Set<ObjectId> afterData) {
        Map<ObjectId, Integer> loops = StronglyConnected.components(dependencies);
        Map<ObjectId, View> byId = new LinkedHashMap<>();
        views.stream().filter(v -> !v.materialized() && !v.columns().isEmpty()).forEach(v -> byId.put(v.id(), v));
        Map<ObjectId, View> inLoop = new LinkedHashMap<>();
        Map<ObjectId, View> needsKeys = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            View view = byId.get(d.dependent());
            if (view == null) {
                continue;
            }
            if (afterData.contains(d.referenced())) {
                needsKeys.put(view.id(), view);
            } else if (loops.containsKey(d.dependent()) && Objects.equals(loops.get(d.dependent()), loops.get(d.referenced()))) {
                inLoop.put(view.id(), view);
            }
        }
        // a view that must wait for the keys is out of every loop of what is created before them
        needsKeys.keySet().forEach(inLoop::remove);
        List<Dependency> result = new ArrayList<>();
        for (Dependency d : dependencies) {
            ObjectId dependent = d.dependent();
            if (needsKeys.containsKey(dependent)) {
                // the placeholder needs what the query needs, except what comes after the data
                if (!afterData.contains(d.referenced())) {
                    result.add(d);
                }
            } else if (inLoop.containsKey(dependent)) {
                result.add(new Dependency(queryOf(inLoop.get(dependent)), d.referenced()));
                if (!Objects.equals(loops.get(dependent), loops.get(d.referenced()))) {
                    result.add(d);
                }
            } else {
                result.add(d);
            }
        }
        Map<ObjectId, View> queries = new LinkedHashMap<>();
        inLoop.values().forEach(v -> {
            queries.put(queryOf(v), v);
            result.add(new Dependency(queryOf(v), v.id()));
        });
        Set<ObjectId> placeholders = new LinkedHashSet<>(inLoop.keySet());
        placeholders.addAll(needsKeys.keySet());
        return new Split(result, placeholders, queries, List.copyOf(needsKeys.values()));
    }
}
