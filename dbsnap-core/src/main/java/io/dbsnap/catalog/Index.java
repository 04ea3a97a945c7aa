package io.dbsnap.catalog;

import java.util.List;

/**
 * An index that is not the implementation of a constraint.
 *
 * @param definition the full {@code CREATE INDEX} statement as the server renders it
 *                   ({@code pg_get_indexdef})
 * @param columnStatistics statistics targets set on index columns ({@code ALTER INDEX ... ALTER COLUMN n
 *                   SET STATISTICS t}) as {@code n=t}, by column number
 */
public record Index(QualifiedName name, QualifiedName table, String definition, List<String> columnStatistics) {

    /** An index without statistics targets of its own. */
    public Index(QualifiedName name, QualifiedName table, String definition) {
        this(name, table, definition, List.of());
    }

    public Index {
        columnStatistics = List.copyOf(columnStatistics);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.INDEX, name.schema(), name.name());
    }
}
