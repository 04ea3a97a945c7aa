package io.dbsnap.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The changes found so far. Its {@link #compare} pairs the objects of one kind in the two
 * catalogs by subject: an object only in the second is added, only in the first removed (with
 * the risk its kind carries), and one in both is changed when its comparison finds a difference.
 */
final class ChangeList {

    /** Compares one object present in both catalogs. */
    @FunctionalInterface
    interface Comparison<T> {
        void compare(T before, T after, Differences differences);
    }

    /**
     * What an object only one catalog has holds, for kinds where the subject alone says too
     * little (a comment's text, the grants given); with the risks of its removal.
     */
    @FunctionalInterface
    interface Contents<T> {
        void describe(T object, boolean added, Differences contents);
    }

    private final List<Change> changes = new ArrayList<>();

    <T> void compare(List<T> before, List<T> after, Function<T, Subject> subjectOf, Comparison<T> comparison) {
        compare(before, after, subjectOf, comparison, (object, added, contents) -> { });
    }

    <T> void compare(List<T> before, List<T> after, Function<T, Subject> subjectOf, Comparison<T> comparison,
                     Contents<T> lone) {
        Map<Subject, T> first = bySubject(before, subjectOf);
        Map<Subject, T> second = bySubject(after, subjectOf);
        first.forEach((subject, object) -> {
            T other = second.get(subject);
            if (other == null) {
                Differences contents = new Differences();
                lone.describe(object, false, contents);
                Set<Risk> risks = new LinkedHashSet<>();
                riskOfRemoving(subject.kind()).ifPresent(risks::add);
                risks.addAll(contents.risks());
                removed(subject, contents.list(), List.copyOf(risks));
            } else if (!object.equals(other)) {
                Differences differences = new Differences();
                comparison.compare(object, other, differences);
                changed(subject, differences);
            }
        });
        second.forEach((subject, object) -> {
            if (!first.containsKey(subject)) {
                Differences contents = new Differences();
                lone.describe(object, true, contents);
                added(subject, contents.list());
            }
        });
    }

    void added(Subject subject, List<Difference> contents) {
        changes.add(new Change(Change.Action.ADDED, subject, contents, List.of()));
    }

    void removed(Subject subject, List<Difference> contents, List<Risk> risks) {
        changes.add(new Change(Change.Action.REMOVED, subject, contents, risks));
    }

    /** Records the object as changed if anything differs; whitespace-only differences leave nothing. */
    void changed(Subject subject, Differences differences) {
        if (!differences.isEmpty()) {
            changes.add(new Change(Change.Action.CHANGED, subject, differences.list(), differences.risks()));
        }
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    private static <T> Map<Subject, T> bySubject(List<T> objects, Function<T, Subject> subjectOf) {
        Map<Subject, T> map = new LinkedHashMap<>();
        for (T object : objects) {
            map.put(subjectOf.apply(object), object);
        }
        return map;
    }

    /** What removing an object of a kind puts at risk: stored data, or callers that use it. */
    private static Optional<Risk> riskOfRemoving(SubjectKind kind) {
        return Optional.ofNullable(switch (kind) {
            case SCHEMA -> Risk.SCHEMA_REMOVED;
            case TABLE -> Risk.TABLE_REMOVED;
            case COLUMN -> Risk.COLUMN_REMOVED;
            case POLICY -> Risk.POLICY_REMOVED;
            case VIEW, MATERIALIZED_VIEW -> Risk.VIEW_REMOVED;
            case FUNCTION, PROCEDURE, AGGREGATE -> Risk.ROUTINE_REMOVED;
            case SEQUENCE -> Risk.SEQUENCE_REMOVED;
            case ENUM, DOMAIN, COMPOSITE_TYPE, RANGE_TYPE, BASE_TYPE -> Risk.TYPE_REMOVED;
            case EXTENSION -> Risk.EXTENSION_REMOVED;
            case LARGE_OBJECT -> Risk.LARGE_OBJECT_REMOVED;
            default -> null;
        });
    }
}
