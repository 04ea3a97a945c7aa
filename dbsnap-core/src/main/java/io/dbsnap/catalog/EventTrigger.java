package io.dbsnap.catalog;

import java.util.List;

/**
 * {@code CREATE EVENT TRIGGER}, a database-wide object.
 *
 * @param tags    the command tags of {@code WHEN TAG IN (...)}, empty for every command
 * @param enabled as for {@link Trigger#enabled()}
 */
public record EventTrigger(String name, String event, List<String> tags, QualifiedName function, String enabled) {

    public EventTrigger {
        tags = List.copyOf(tags);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.EVENT_TRIGGER, "", name);
    }
}
