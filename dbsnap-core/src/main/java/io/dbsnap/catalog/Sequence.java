package io.dbsnap.catalog;

import java.util.Optional;

/**
 * A sequence with all its options.
 *
 * @param dataType smallint, integer or bigint
 * @param unlogged {@code CREATE UNLOGGED SEQUENCE} (PostgreSQL 15 and later)
 * @param ownedBy  the column a serial sequence belongs to ({@code OWNED BY})
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue,
                       long maxValue, long cache, boolean cycle, boolean unlogged,
                       Optional<ColumnRef> ownedBy) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.SEQUENCE, name.schema(), name.name());
    }

    /** A column of a table. */
    public record ColumnRef(QualifiedName table, String column) {
    }
}
