package io.dbsnap.diff;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects added or removed, as comments, owners and privileges name them: an added table's
 * owner, grants and comments come with it, and are not changes of their own.
 */
final class UnmatchedTargets {

    private final Set<String> targets = new HashSet<>();
    private final UnmatchedRelations relations;

    UnmatchedTargets(List<Change> changes, UnmatchedRelations relations) {
        this.relations = relations;
        changes.stream().filter(c -> c.action() != Change.Action.CHANGED)
                .forEach(c -> targets.addAll(TargetName.of(c.subject())));
    }

    /** Whether {@code target} names an added or removed object, or one living on an added or removed table. */
    boolean contains(String target) {
        return targets.contains(target) || TargetName.tableOf(target).map(relations::contains).orElse(false);
    }
}
