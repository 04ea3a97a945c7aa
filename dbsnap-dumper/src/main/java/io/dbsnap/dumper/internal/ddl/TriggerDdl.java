package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes {@code CREATE TRIGGER} (the server's own text) with the trigger's enabled state. */
public final class TriggerDdl {

    private TriggerDdl() {
    }

    public static List<String> create(Trigger trigger) {
        List<String> statements = new ArrayList<>();
        statements.add(trigger.definition() + ";");
        String state = EnabledState.words(trigger.enabled());
        if (state != null) {
            // no ONLY: the partitions' copies take the parent's state, as they had it
            statements.add("ALTER TABLE " + trigger.table().sql() + " " + state + " TRIGGER " + quote(trigger.name()) + ";");
        }
        return statements;
    }

    /** A partition's copy of a trigger whose state was set apart from its parent's. */
    public static String cloneState(Trigger clone) {
        String state = Optional.ofNullable(EnabledState.words(clone.enabled())).orElse("ENABLE");
        return "ALTER TABLE ONLY " + clone.table().sql() + " " + state + " TRIGGER " + quote(clone.name()) + ";";
    }

    public static String drop(Trigger trigger) {
        return "DROP TRIGGER IF EXISTS " + quote(trigger.name()) + " ON " + trigger.table().sql() + ";";
    }
}
