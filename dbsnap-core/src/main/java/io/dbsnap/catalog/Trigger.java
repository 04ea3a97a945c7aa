package io.dbsnap.catalog;

/**
 * A trigger on a table or view.
 *
 * @param definition the {@code CREATE TRIGGER} statement ({@code pg_get_triggerdef})
 * @param enabled    {@code O} (origin, the default), {@code D} disabled, {@code R} replica,
 *                   {@code A} always
 */
public record Trigger(QualifiedName table, String name, String definition, String enabled) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TRIGGER, table.schema(), table.name() + "." + name);
    }
}
