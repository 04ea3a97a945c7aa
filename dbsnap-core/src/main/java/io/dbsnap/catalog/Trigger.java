package io.dbsnap.catalog;

import java.util.Optional;

/**
 * A trigger on a table or view.
 *
 * @param definition the {@code CREATE TRIGGER} statement ({@code pg_get_triggerdef})
 * @param enabled    {@code O} (origin, the default), {@code D} disabled, {@code R} replica,
 *                   {@code A} always
 * @param cloneOf    for the copy a partition got of its parent's trigger, the table of the trigger it
 *                   was copied from: such a copy is read only when its enabled state differs from that
 *                   trigger's, and only that state is restored ({@code ALTER TABLE ONLY ... TRIGGER})
 */
public record Trigger(QualifiedName table, String name, String definition, String enabled,
                      Optional<QualifiedName> cloneOf) {

    /** A trigger of the table's own, not a partition's copy of its parent's. */
    public Trigger(QualifiedName table, String name, String definition, String enabled) {
        this(table, name, definition, enabled, Optional.empty());
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TRIGGER, table.schema(), table.name() + "." + name);
    }
}
