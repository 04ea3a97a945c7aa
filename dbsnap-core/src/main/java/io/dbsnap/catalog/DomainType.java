package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE DOMAIN}.
 *
 * @param baseType    as {@code format_type} renders it
 * @param collation   when it differs from the base type's
 * @param constraints check constraints, sorted by name
 */
public record DomainType(QualifiedName name, String baseType, Optional<QualifiedName> collation,
                         Optional<String> defaultValue, boolean notNull, List<DomainConstraint> constraints)
        implements UserType {

    public DomainType {
        constraints = List.copyOf(constraints);
    }

    /** A named CHECK constraint of a domain, as {@code pg_get_constraintdef} renders it. */
    public record DomainConstraint(String name, String definition, boolean validated) {
    }
}
