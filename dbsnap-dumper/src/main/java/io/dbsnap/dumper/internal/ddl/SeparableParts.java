package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.UserType;
import io.dbsnap.dumper.internal.graph.StronglyConnected;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides where column defaults and check constraints (of tables and of domains) are created.
 * They are written inside {@code CREATE TABLE} / {@code CREATE DOMAIN}, unless that would close a
 * dependency loop — a default or check that calls a function taking the table's own row type or
 * the domain itself: the function needs the table, the table needs the function. Such a part is
 * then created on its own after both, as pg_dump's {@code repairDependencyLoop} does.
 */
public final class SeparableParts {

    /**
     * @param dependencies the dependencies with every part that stays inside its owner folded
     *                     into the owner
     * @param separated    the parts created on their own
     */
    public record Split(List<Dependency> dependencies, Map<ObjectId, ObjectDdl> separated) {

        public boolean isSeparated(ObjectId part) {
            return separated.containsKey(part);
        }
    }

    private final Map<ObjectId, ObjectId> owners = new HashMap<>();
    /** How each part would be created on its own, and dropped before its function when cleaning. */
    private final Map<ObjectId, ObjectDdl> creations = new HashMap<>();

    private SeparableParts() {
    }

    public static Split split(List<Table> tables, List<UserType> types, List<Dependency> dependencies) {
        SeparableParts parts = new SeparableParts();
        tables.forEach(parts::addTable);
        types.stream().filter(DomainType.class::isInstance).map(DomainType.class::cast).forEach(parts::addDomain);
        return parts.split(dependencies);
    }

    /** The identity dependencies give a domain's check constraint. */
    public static ObjectId domainConstraintId(DomainType domain, String constraint) {
        return new ObjectId(ObjectKind.CONSTRAINT, domain.name().schema(), domain.name().name() + "." + constraint, "domain");
    }

    private void addTable(Table t) {
        for (Column c : t.columns()) {
            ObjectId part = t.defaultId(c.name());
            owners.put(part, t.id());
            if (c.generated() == Column.Generated.NONE && c.defaultValue().isPresent()) {
                creations.put(part, TableDdl.separatedDefault(part, t, c));
            }
        }
        // a check added NOT VALID is created after the data, when everything it can use exists
        for (Constraint c : t.constraints().stream().filter(Constraint::validated).toList()) {
            owners.put(c.id(), t.id());
            if (c.type() == Constraint.Type.CHECK && c.local() && !t.isPartition()) {
                creations.put(c.id(), ConstraintDdl.separatedCheck(t, c));
            }
        }
    }

    private void addDomain(DomainType d) {
        for (DomainType.DomainConstraint c : d.constraints()) {
            if (c.validated()) {
                ObjectId part = domainConstraintId(d, c.name());
                owners.put(part, d.id());
                creations.put(part, new ObjectDdl(part, ConstraintDdl.addToDomain(d, c), ConstraintDdl.dropFromDomain(d, c)));
            }
        }
    }

    private Split split(List<Dependency> dependencies) {
        Map<ObjectId, Integer> loops = StronglyConnected.components(fold(dependencies, Set.of()));
        Map<ObjectId, ObjectDdl> separated = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            ObjectId owner = owners.get(d.dependent());
            if (owner != null && creations.containsKey(d.dependent()) && loops.containsKey(owner)
                    && loops.get(owner).equals(loops.get(d.referenced()))) {
                separated.put(d.dependent(), creations.get(d.dependent()));
            }
        }
        List<Dependency> result = fold(dependencies, separated.keySet());
        separated.keySet().forEach(part -> result.add(new Dependency(part, owners.get(part))));
        return new Split(result, separated);
    }

    /** The dependencies with each part's moved to its owner, except those of the separated parts. */
    private List<Dependency> fold(List<Dependency> dependencies, Set<ObjectId> separated) {
        List<Dependency> folded = new ArrayList<>();
        for (Dependency d : dependencies) {
            ObjectId owner = owners.get(d.dependent());
            if (owner == null) {
                // a part created after the data, or of a table left out by a pattern, has nothing to order
                if (!isPart(d.dependent())) {
                    folded.add(d);
                }
            } else if (separated.contains(d.dependent())) {
                folded.add(d);
            } else if (!owner.equals(d.referenced())) {
                folded.add(new Dependency(owner, d.referenced()));
            }
        }
        return folded;
    }

    private static boolean isPart(ObjectId id) {
        return id.kind() == ObjectKind.COLUMN_DEFAULT || id.kind() == ObjectKind.CONSTRAINT;
    }
}
