package io.dbsnap.catalog;

/** A type created with CREATE TYPE or CREATE DOMAIN. */
public sealed interface UserType permits EnumType, DomainType, CompositeType, RangeType, BaseType {

    QualifiedName name();

    default ObjectId id() {
        return ObjectId.of(ObjectKind.TYPE, name().schema(), name().name());
    }
}
