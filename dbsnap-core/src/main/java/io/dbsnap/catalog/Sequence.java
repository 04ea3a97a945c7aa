package io.dbsnap.catalog;

import java.util.Optional;

/**
 * A sequence with all its options.
 *
 * @param dataType smallint, integer or bigint
 * @param ownedBy  the column a serial sequence belongs to ({@code OWNED BY})
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue,
                       long maxValue, long cache, boolean cycle, Optional<ColumnRef> ownedBy) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.SEQUENCE, name.schema(), name.name());
    }

    /** A column of a table. */
    public record ColumnRef(QualifiedName table, String column) {
    }
}
