package io.dbsnap.diff;

import io.dbsnap.catalog.BaseType;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CompositeType;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EnumType;
import io.dbsnap.catalog.RangeType;
import io.dbsnap.catalog.UserType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares user types: enums (values added, removed, reordered), domains (base type, default,
 * NOT NULL, check constraints), composite types (attributes), range types and base types. A type
 * that became another kind of type under the same name (an enum replaced by a domain) is one
 * removed and one added.
 */
final class TypeComparison {

    private TypeComparison() {
    }

    static void compare(Catalog before, Catalog after, ChangeList changes) {
        changes.compare(before.types(), after.types(), TypeComparison::subject, TypeComparison::compare);
    }

    static Subject subject(UserType type) {
        SubjectKind kind;
        if (type instanceof EnumType) {
            kind = SubjectKind.ENUM;
        } else if (type instanceof DomainType) {
            kind = SubjectKind.DOMAIN;
        } else if (type instanceof CompositeType) {
            kind = SubjectKind.COMPOSITE_TYPE;
        } else if (type instanceof RangeType) {
            kind = SubjectKind.RANGE_TYPE;
        } else {
            kind = SubjectKind.BASE_TYPE;
        }
        return Subject.inSchema(kind, type.name());
    }

    /** Both of one kind: the subject, which holds the kind, matched them. */
    private static void compare(UserType before, UserType after, Differences differences) {
        if (before instanceof EnumType a) {
            compareEnums(a, (EnumType) after, differences);
        } else if (before instanceof DomainType a) {
            compareDomains(a, (DomainType) after, differences);
        } else if (before instanceof CompositeType a) {
            compareComposites(a, (CompositeType) after, differences);
        } else if (before instanceof RangeType a) {
            compareRanges(a, (RangeType) after, differences);
        } else {
            differences.members("option", ((BaseType) before).options(), ((BaseType) after).options());
        }
    }

    private static void compareEnums(EnumType a, EnumType b, Differences differences) {
        differences.members("value", a.labels(), b.labels());
        if (!b.labels().containsAll(a.labels())) {
            differences.risk(Risk.ENUM_VALUE_REMOVED);
        }
    }

    private static void compareDomains(DomainType a, DomainType b, Differences differences) {
        differences.value("base type", a.baseType(), b.baseType());
        if (!a.baseType().equals(b.baseType())) {
            TypeWidth.riskOf(a.baseType(), b.baseType()).ifPresent(differences::risk);
        }
        differences.value("collation", a.collation(), b.collation());
        differences.definition("default", a.defaultValue(), b.defaultValue());
        differences.value("not null", a.notNull(), b.notNull());
        if (!a.notNull() && b.notNull()) {
            differences.risk(Risk.NOT_NULL_ADDED);
        }
        Map<String, DomainType.DomainConstraint> second = byName(b.constraints(), DomainType.DomainConstraint::name);
        Map<String, DomainType.DomainConstraint> first = byName(a.constraints(), DomainType.DomainConstraint::name);
        first.forEach((name, constraint) -> {
            DomainType.DomainConstraint other = second.get(name);
            if (other == null) {
                differences.add(Difference.removed("constraint " + name, constraint.definition()));
            } else {
                differences.definition("constraint " + name, constraint.definition(), other.definition());
                differences.value("constraint " + name + " validated", constraint.validated(), other.validated());
            }
        });
        second.forEach((name, constraint) -> {
            if (!first.containsKey(name)) {
                differences.add(Difference.added("constraint " + name, constraint.definition()));
            }
        });
    }

    private static void compareComposites(CompositeType a, CompositeType b, Differences differences) {
        Map<String, CompositeType.Attribute> first = byName(a.attributes(), CompositeType.Attribute::name);
        Map<String, CompositeType.Attribute> second = byName(b.attributes(), CompositeType.Attribute::name);
        first.forEach((name, attribute) -> {
            CompositeType.Attribute other = second.get(name);
            if (other == null) {
                differences.add(Difference.removed("attribute", name + " " + attribute.type()));
                differences.risk(Risk.ATTRIBUTE_REMOVED);
            } else {
                differences.value("attribute " + name + " type", attribute.type(), other.type());
                if (!attribute.type().equals(other.type())) {
                    TypeWidth.riskOf(attribute.type(), other.type()).ifPresent(differences::risk);
                }
                differences.value("attribute " + name + " collation", attribute.collation(), other.collation());
            }
        });
        second.forEach((name, attribute) -> {
            if (!first.containsKey(name)) {
                differences.add(Difference.added("attribute", name + " " + attribute.type()));
            }
        });
        differences.value("attribute order", first.keySet().stream().filter(second::containsKey).toList(),
                second.keySet().stream().filter(first::containsKey).toList());
    }

    private static void compareRanges(RangeType a, RangeType b, Differences differences) {
        differences.value("subtype", a.subtype(), b.subtype());
        differences.value("subtype operator class", a.subtypeOpclass(), b.subtypeOpclass());
        differences.value("collation", a.collation(), b.collation());
        differences.value("canonical function", a.canonical(), b.canonical());
        differences.value("subtype difference function", a.subtypeDiff(), b.subtypeDiff());
        differences.value("multirange type", a.multirangeName(), b.multirangeName());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }
}
