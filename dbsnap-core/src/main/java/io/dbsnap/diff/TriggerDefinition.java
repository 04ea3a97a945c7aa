package io.dbsnap.diff;

import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.Trigger;
import java.util.Optional;

/**
 * A trigger's definition as {@code pg_get_triggerdef} renders it, taken apart so that a diff can
 * say which part changed:
 * <pre>
 * CREATE [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events ON table
 *     [FROM ...] [DEFERRABLE ...] [REFERENCING ...] FOR EACH {ROW | STATEMENT}
 *     [WHEN (condition)] EXECUTE FUNCTION function(arguments)
 * </pre>
 * (on one line). The parts are accepted only when they put together give the definition again,
 * so comparing the parts finds exactly what comparing the definitions would.
 *
 * @param timing    {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events    {@code INSERT OR UPDATE OF col}
 * @param options   what stands between the table and {@code FOR EACH}: {@code CONSTRAINT},
 *                  {@code FROM}, {@code DEFERRABLE}, {@code REFERENCING}
 * @param level     {@code ROW} or {@code STATEMENT}
 * @param condition the {@code WHEN} condition with its parentheses
 * @param function  the function called with its arguments
 */
record TriggerDefinition(String timing, String events, String options, String level, Optional<String> condition,
                         String function) {

    private static final String EXECUTE = " EXECUTE FUNCTION ";

    /** The definition of {@code trigger} taken apart, or empty when it is not in the form the class comment shows. */
    static Optional<TriggerDefinition> parse(Trigger trigger) {
        String definition = trigger.definition();
        String name = Identifiers.quote(trigger.name()) + " ";
        String constraint = "";
        String rest;
        if (definition.startsWith("CREATE TRIGGER " + name)) {
            rest = definition.substring(("CREATE TRIGGER " + name).length());
        } else if (definition.startsWith("CREATE CONSTRAINT TRIGGER " + name)) {
            constraint = "CONSTRAINT";
            rest = definition.substring(("CREATE CONSTRAINT TRIGGER " + name).length());
        } else {
            return Optional.empty();
        }
        String timing = rest.startsWith("INSTEAD OF ") ? "INSTEAD OF" : rest.startsWith("BEFORE ") ? "BEFORE"
                : rest.startsWith("AFTER ") ? "AFTER" : null;
        String on = " ON " + trigger.table().sql();
        int table = rest.indexOf(on);
        int forEach = rest.indexOf(" FOR EACH ", Math.max(table, 0));
        int execute = rest.lastIndexOf(EXECUTE);
        if (timing == null || table < 0 || forEach < 0 || execute < forEach) {
            return Optional.empty();
        }
        String events = rest.substring(timing.length() + 1, table);
        String options = (constraint + " " + rest.substring(table + on.length(), forEach).strip()).strip();
        String afterForEach = rest.substring(forEach + " FOR EACH ".length(), execute);
        int space = afterForEach.indexOf(' ');
        String level = space < 0 ? afterForEach : afterForEach.substring(0, space);
        Optional<String> condition = space < 0 ? Optional.empty() : Optional.of(afterForEach.substring(space + 1));
        TriggerDefinition parts = new TriggerDefinition(timing, events, options, level,
                condition.map(c -> c.startsWith("WHEN ") ? c.substring("WHEN ".length()) : c),
                rest.substring(execute + EXECUTE.length()));
        return parts.sql(trigger).equals(definition) ? Optional.of(parts) : Optional.empty();
    }

    /** The parts put together again, as the server would render them. */
    String sql(Trigger trigger) {
        boolean constraint = options.startsWith("CONSTRAINT");
        String otherOptions = constraint ? options.substring("CONSTRAINT".length()).strip() : options;
        return "CREATE " + (constraint ? "CONSTRAINT " : "") + "TRIGGER " + Identifiers.quote(trigger.name()) + " "
                + timing + " " + events + " ON " + trigger.table().sql() + (otherOptions.isEmpty() ? "" : " " + otherOptions)
                + " FOR EACH " + level + condition.map(c -> " WHEN " + c).orElse("") + EXECUTE + function;
    }
}
