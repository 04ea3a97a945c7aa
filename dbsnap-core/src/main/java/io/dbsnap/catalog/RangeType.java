package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE TYPE name AS RANGE (...)}.
 *
 * @param subtypeOpclass only when it is not the subtype's default operator class
 * @param multirangeName the multirange type created with it (PostgreSQL 14 and later)
 */
public record RangeType(QualifiedName name, String subtype, Optional<QualifiedName> subtypeOpclass,
                        Optional<QualifiedName> collation, Optional<QualifiedName> canonical,
                        Optional<QualifiedName> subtypeDiff, Optional<QualifiedName> multirangeName) implements UserType {
}
