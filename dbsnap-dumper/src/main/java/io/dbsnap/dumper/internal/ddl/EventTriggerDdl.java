package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.EventTrigger;
import io.dbsnap.dumper.internal.sql.Literals;
import java.util.stream.Collectors;

/** Writes {@code CREATE EVENT TRIGGER} and its enabled state. */
public final class EventTriggerDdl {

    private EventTriggerDdl() {
    }

    public static String create(EventTrigger e) {
        StringBuilder sql = new StringBuilder("CREATE EVENT TRIGGER ").append(quote(e.name())).append(" ON ")
                .append(e.event());
        if (!e.tags().isEmpty()) {
            sql.append("\n    WHEN TAG IN (").append(e.tags().stream().map(Literals::string)
                    .collect(Collectors.joining(", "))).append(')');
        }
        sql.append("\n    EXECUTE FUNCTION ").append(e.function().sql()).append("();");
        String state = EnabledState.words(e.enabled());
        if (state != null) {
            sql.append("\n\nALTER EVENT TRIGGER ").append(quote(e.name())).append(' ').append(state).append(';');
        }
        return sql.toString();
    }

    public static String drop(EventTrigger e) {
        return "DROP EVENT TRIGGER IF EXISTS " + quote(e.name()) + ";";
    }
}
