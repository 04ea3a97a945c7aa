package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.RangeType;
import io.dbsnap.catalog.UserType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The functions {@code CREATE TYPE ... AS RANGE} makes with the type: constructors named as the
 * range and its multirange type. The catalog leaves them out of its routines (the type's DDL makes
 * them), but lists their owners: those come and go with their type. Other routines the catalog
 * leaves out, an extension's, keep their privileges compared: a grant changed on an extension's
 * function is a change.
 */
final class RangeConstructors {

    private static final List<String> ROUTINE_KEYWORDS = List.of("FUNCTION ", "PROCEDURE ", "AGGREGATE ");

    private final Set<String> routines = new HashSet<>();
    private final Set<String> rangeNames = new HashSet<>();

    private RangeConstructors(Catalog catalog) {
        catalog.routines().forEach(r -> routines.addAll(TargetName.of(RoutineComparison.subject(r))));
        for (UserType type : catalog.types()) {
            if (type instanceof RangeType range) {
                rangeNames.add(range.name().sql());
                range.multirangeName().map(QualifiedName::sql).ifPresent(rangeNames::add);
            }
        }
    }

    static RangeConstructors of(Catalog catalog) {
        return new RangeConstructors(catalog);
    }

    /**
     * Whether {@code target} ({@code FUNCTION app.floatrange(double precision, double precision)})
     * names a range type's constructor: a routine the catalog does not list, named as one of its
     * range or multirange types.
     */
    boolean named(String target) {
        if (routines.contains(target)) {
            return false;
        }
        for (String keyword : ROUTINE_KEYWORDS) {
            if (target.startsWith(keyword)) {
                int arguments = target.lastIndexOf('(');
                return arguments > keyword.length() && rangeNames.contains(target.substring(keyword.length(), arguments));
            }
        }
        return false;
    }
}
