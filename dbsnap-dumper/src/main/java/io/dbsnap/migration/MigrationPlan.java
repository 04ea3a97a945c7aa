package io.dbsnap.migration;

import java.util.List;

/**
 * The statements that turn one catalog into another, in an order the server accepts, each with
 * its hazards. Run them in one transaction: a step that fails leaves nothing changed.
 */
public record MigrationPlan(List<MigrationStep> steps) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** Whether the plan changes nothing. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Every hazard of every step, in the plan's order. */
    public List<Hazard> hazards() {
        return steps.stream().flatMap(s -> s.hazards().stream()).toList();
    }

    /** Whether every row and value that exists on both sides survives the plan. */
    public boolean preservesData() {
        return hazards().stream().noneMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS);
    }

    /** The plan as a script, one statement per line, each step's hazards as comments above it. */
    public String toSql() {
        StringBuilder sql = new StringBuilder();
        for (MigrationStep step : steps) {
            step.hazards().forEach(h -> sql.append("-- hazard: ").append(h).append('\n'));
            sql.append(step.sql()).append('\n');
        }
        return sql.toString();
    }
}
