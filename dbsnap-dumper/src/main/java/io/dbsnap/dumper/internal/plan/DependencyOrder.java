package io.dbsnap.dumper.internal.plan;

import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders objects so that each comes after what it depends on, keeping the given order wherever
 * the dependencies allow (so the output is deterministic and reads by kind and name).
 */
public final class DependencyOrder {

    private static final Logger LOG = LoggerFactory.getLogger(DependencyOrder.class);

    private DependencyOrder() {
    }

    /**
     * @param ids          the objects in their preferred order
     * @param dependencies dependencies among them; those naming other objects are ignored
     * @return the same objects, dependencies first
     */
    public static List<ObjectId> sort(List<ObjectId> ids, List<Dependency> dependencies) {
        Map<ObjectId, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        Map<ObjectId, Set<ObjectId>> waitingOn = new HashMap<>();
        Map<ObjectId, List<ObjectId>> dependents = new HashMap<>();
        for (Dependency d : dependencies) {
            if (position.containsKey(d.dependent()) && position.containsKey(d.referenced())
                    && waitingOn.computeIfAbsent(d.dependent(), k -> new HashSet<>()).add(d.referenced())) {
                dependents.computeIfAbsent(d.referenced(), k -> new ArrayList<>()).add(d.dependent());
            }
        }
        PriorityQueue<ObjectId> ready = new PriorityQueue<>((a, b) -> Integer.compare(position.get(a), position.get(b)));
        Set<ObjectId> pending = new HashSet<>(ids);
        for (ObjectId id : ids) {
            if (waitingOn.getOrDefault(id, Set.of()).isEmpty()) {
                ready.add(id);
            }
        }
        List<ObjectId> sorted = new ArrayList<>(ids.size());
        while (sorted.size() < ids.size()) {
            if (ready.isEmpty()) {
                // A cycle: release the first object still pending and warn; the script may need
                // a manual fix for it, as pg_dump's own loop breaking covers only known cases.
                ObjectId first = ids.stream().filter(pending::contains).findFirst().orElseThrow();
                LOG.warn("Circular dependency involving {}; it is created before some of what it depends on", first);
                waitingOn.remove(first);
                ready.add(first);
            }
            ObjectId next = ready.poll();
            if (!pending.remove(next)) {
                continue;
            }
            sorted.add(next);
            for (ObjectId dependent : dependents.getOrDefault(next, List.of())) {
                Set<ObjectId> waits = waitingOn.get(dependent);
                if (waits != null && waits.remove(next) && waits.isEmpty() && pending.contains(dependent)) {
                    ready.add(dependent);
                }
            }
        }
        return sorted;
    }
}
