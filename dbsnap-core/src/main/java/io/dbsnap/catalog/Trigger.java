package io.dbsnap.catalog;

/**
 * A trigger on a table.
 *
 * @param definition the {@code CREATE TRIGGER} statement ({@code pg_get_triggerdef})
 */
public record Trigger(String schema, String table, String name, String definition) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TRIGGER, schema, table + "." + name);
    }
}
