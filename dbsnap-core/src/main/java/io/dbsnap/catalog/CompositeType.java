package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/** {@code CREATE TYPE name AS (attribute type, ...)}. */
public record CompositeType(QualifiedName name, List<Attribute> attributes) implements UserType {

    public CompositeType {
        attributes = List.copyOf(attributes);
    }

    /** One attribute; {@code collation} only when it differs from the type's default. */
    public record Attribute(String name, String type, Optional<QualifiedName> collation) {
    }
}
