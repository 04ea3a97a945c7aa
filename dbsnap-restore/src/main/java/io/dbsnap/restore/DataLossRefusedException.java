package io.dbsnap.restore;

import io.dbsnap.errors.DbSnapException;
import java.util.Objects;

/**
 * A restore refused before anything changed because it would lose data: dropping and recreating
 * a schema-only snapshot ({@link RestoreOptions#droppingAndRecreating()}) would empty tables that
 * hold rows, or a schema rollback ({@link RestoreOptions#keepingData()}) would drop tables and
 * columns created after the snapshot. Nothing was written, not even a safety snapshot. Restoring
 * is allowed with {@link RestoreOptions#discardingData()}, or restore a snapshot taken with data.
 */
public final class DataLossRefusedException extends DbSnapException {

    private static final long serialVersionUID = 1L;

    /** How the API allows a schema rollback's losses; the command line names its flag instead. */
    static final String API_OPTION = "RestoreOptions.defaults().discardingData()";
    /** How the API allows a drop and recreate that empties tables. */
    static final String API_OPTION_EMPTYING = "RestoreOptions.defaults().droppingAndRecreating().discardingData()";

    private final transient RestorePlan plan;

    /** @param plan a plan that {@linkplain RestorePlan#emptiesTablesWithRows() empties tables with rows} */
    public DataLossRefusedException(RestorePlan plan) {
        super(message(plan, plan.emptied().isEmpty() ? API_OPTION : API_OPTION_EMPTYING));
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** What the refused restore would have lost. */
    public RestorePlan plan() {
        return plan;
    }

    /** The refusal, naming {@code allowWith} as the way to restore anyway (a flag, an option). */
    public String message(String allowWith) {
        return message(plan, allowWith);
    }

    private static String message(RestorePlan plan, String allowWith) {
        if (plan.emptied().isEmpty()) {
            return "Refusing to roll back the schema to snapshot " + plan.snapshot() + " in " + plan.target()
                    + ": the rows stay, but what was created after the snapshot would be dropped with its values: "
                    + String.join(", ", plan.dropped()) + ". Nothing was changed. If losing them is meant, use "
                    + allowWith + ".";
        }
        return "Refusing to restore schema-only snapshot " + plan.snapshot() + " into " + plan.target()
                + ": a schema-only snapshot holds no rows, so every table would come back empty, and these tables hold"
                + " rows: " + plan.emptied().describe() + ". Nothing was changed. Restore a snapshot taken with data,"
                + " or, if emptying them is meant, use " + allowWith + ".";
    }
}
