package io.dbsnap.dumper.internal.graph;

import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the dependency loops of a graph: two objects are in the same strongly connected
 * component exactly when each depends, directly or not, on the other. Tarjan's algorithm,
 * iterative so that a long chain of views cannot overflow the stack.
 */
public final class StronglyConnected {

    private StronglyConnected() {
    }

    /** @return for every object named by a dependency, the number of its component */
    public static Map<ObjectId, Integer> components(List<Dependency> dependencies) {
        Map<ObjectId, List<ObjectId>> edges = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            edges.computeIfAbsent(d.dependent(), k -> new ArrayList<>()).add(d.referenced());
            edges.computeIfAbsent(d.referenced(), k -> new ArrayList<>());
        }
        Map<ObjectId, Integer> index = new HashMap<>();
        Map<ObjectId, Integer> lowLink = new HashMap<>();
        Map<ObjectId, Integer> component = new HashMap<>();
        Deque<ObjectId> stack = new ArrayDeque<>();
        Deque<Map.Entry<ObjectId, Iterator<ObjectId>>> calls = new ArrayDeque<>();
        for (ObjectId root : edges.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            visit(root, edges, index, lowLink, stack, calls);
            while (!calls.isEmpty()) {
                ObjectId node = calls.peek().getKey();
                Iterator<ObjectId> next = calls.peek().getValue();
                if (next.hasNext()) {
                    ObjectId target = next.next();
                    if (!index.containsKey(target)) {
                        visit(target, edges, index, lowLink, stack, calls);
                    } else if (!component.containsKey(target)) {
                        // still on the stack: part of the component being built
                        lowLink.put(node, Math.min(lowLink.get(node), index.get(target)));
                    }
                    continue;
                }
                calls.pop();
                if (lowLink.get(node).equals(index.get(node))) {
                    int number = component.size();
                    ObjectId member;
                    do {
                        member = stack.pop();
                        component.put(member, number);
                    } while (!member.equals(node));
                }
                if (!calls.isEmpty()) {
                    ObjectId caller = calls.peek().getKey();
                    lowLink.put(caller, Math.min(lowLink.get(caller), lowLink.get(node)));
                }
            }
        }
        return component;
    }

    private static void visit(ObjectId node, Map<ObjectId, List<ObjectId>> edges, Map<ObjectId, Integer> index,
                              Map<ObjectId, Integer> lowLink, Deque<ObjectId> stack,
                              Deque<Map.Entry<ObjectId, Iterator<ObjectId>>> calls) {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        calls.push(Map.entry(node, edges.get(node).iterator()));
    }
}
