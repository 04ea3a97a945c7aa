package io.dbsnap.catalog;

/**
 * An index that is not the implementation of a constraint.
 *
 * @param definition the full {@code CREATE INDEX} statement as the server renders it
 *                   ({@code pg_get_indexdef})
 */
public record Index(QualifiedName name, QualifiedName table, String definition) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.INDEX, name.schema(), name.name());
    }
}
