package io.dbsnap.catalog;

/**
 * An index that is not the implementation of a constraint.
 *
 * @param definition the full {@code CREATE INDEX} statement as the server renders it
 *                   ({@code pg_get_indexdef})
 */
public record Index(String schema, String table, String name, String definition) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.INDEX, schema, name);
    }
}
