package io.dbsnap.dumper.internal.plan;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.CompositeType;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.dumper.internal.ddl.SeparableParts;
import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code ALTER DOMAIN} and {@code ALTER TYPE} steps that change a domain or a composite type
 * in place, so that the columns using it keep their values: the server refuses to drop a type a
 * column uses. Where no ALTER can do it (a domain's base type, an attribute's type or position),
 * the answer is empty and the planner recreates the type, its columns passing through text
 * ({@link ColumnsThroughText}).
 */
public final class TypeMigration {

    private TypeMigration() {
    }

    /**
     * A domain keeping its base type and collation: default, NOT NULL and its check constraints
     * (those written with the domain; the ones made apart are the plan's own keys).
     */
    public static Optional<List<MigrationStep>> domain(DomainType a, DomainType b, Predicate<ObjectId> separatedFrom,
                                                Predicate<ObjectId> separatedTo) {
        if (!a.baseType().equals(b.baseType()) || !a.collation().equals(b.collation())) {
            return Optional.empty();
        }
        String alter = "ALTER DOMAIN " + b.name().sql() + " ";
        List<MigrationStep> steps = new ArrayList<>();
        Map<String, DomainType.DomainConstraint> before = inline(a, separatedFrom);
        Map<String, DomainType.DomainConstraint> after = inline(b, separatedTo);
        before.forEach((name, c) -> {
            if (!c.equals(after.get(name))) {
                steps.add(MigrationStep.of(alter + "DROP CONSTRAINT " + quote(name) + ";"));
            }
        });
        if (!a.defaultValue().equals(b.defaultValue())) {
            steps.add(MigrationStep.of(alter + b.defaultValue().map(v -> "SET DEFAULT " + v).orElse("DROP DEFAULT") + ";"));
        }
        if (a.notNull() != b.notNull()) {
            steps.add(b.notNull()
                    ? MigrationStep.of(alter + "SET NOT NULL;", new Hazard(Hazard.Kind.VALIDATION_SCAN, "DOMAIN "
                    + b.name().sql(), "every column of the domain is checked; a NULL makes the step fail"))
                    : MigrationStep.of(alter + "DROP NOT NULL;"));
        }
        after.forEach((name, c) -> {
            if (!c.equals(before.get(name))) {
                steps.add(MigrationStep.of(alter + "ADD CONSTRAINT " + quote(name) + " " + c.definition() + ";",
                        new Hazard(Hazard.Kind.VALIDATION_SCAN, "DOMAIN " + b.name().sql(),
                                "every value of the domain's columns is checked; one that fails makes the step fail")));
            }
        });
        return Optional.of(steps);
    }

    /**
     * A composite type whose kept attributes stay as they were, in their order, and whose new
     * ones come last: {@code DROP ATTRIBUTE} and {@code ADD ATTRIBUTE} (a value in a column gets
     * NULL for an added attribute, and loses a dropped one).
     */
    public static Optional<List<MigrationStep>> composite(CompositeType a, CompositeType b) {
        Map<String, CompositeType.Attribute> after = new LinkedHashMap<>();
        b.attributes().forEach(x -> after.put(x.name(), x));
        List<CompositeType.Attribute> kept = a.attributes().stream().filter(x -> after.containsKey(x.name())).toList();
        if (!b.attributes().subList(0, Math.min(kept.size(), b.attributes().size())).equals(kept)) {
            return Optional.empty();
        }
        String alter = "ALTER TYPE " + b.name().sql() + " ";
        List<MigrationStep> steps = new ArrayList<>();
        a.attributes().stream().filter(x -> !after.containsKey(x.name())).forEach(x -> steps.add(MigrationStep.of(
                alter + "DROP ATTRIBUTE " + quote(x.name()) + ";", new Hazard(Hazard.Kind.DATA_LOSS, "TYPE "
                        + b.name().sql(), "attribute " + quote(x.name()) + " is dropped with its values"))));
        b.attributes().subList(kept.size(), b.attributes().size()).forEach(x -> steps.add(MigrationStep.of(
                alter + "ADD ATTRIBUTE " + quote(x.name()) + " " + x.type()
                        + x.collation().map(c -> " COLLATE " + c.sql()).orElse("") + ";")));
        return Optional.of(steps);
    }

    private static Map<String, DomainType.DomainConstraint> inline(DomainType d, Predicate<ObjectId> separated) {
        Map<String, DomainType.DomainConstraint> constraints = new LinkedHashMap<>();
        d.constraints().stream().filter(c -> c.validated() && !separated.test(SeparableParts.domainConstraintId(d, c.name())))
                .forEach(c -> constraints.put(c.name(), c));
        return constraints;
    }
}
