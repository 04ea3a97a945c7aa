package io.dbsnap.restore;

import io.dbsnap.errors.DbSnapException;
import java.util.Objects;

/**
 * A restore refused before anything changed because it would empty tables that hold rows: the
 * snapshot is schema-only, and the database's tables are not empty. Nothing was written, not even
 * a safety snapshot. Restoring is allowed with {@link RestoreOptions#discardingData()} (on the
 * command line, {@code --discard-data}), or restore a snapshot taken with data.
 */
public final class DataLossRefusedException extends DbSnapException {

    private static final long serialVersionUID = 1L;

    /** How the API allows it; the command line names its flag instead. */
    static final String API_OPTION = "RestoreOptions.defaults().discardingData()";

    private final transient RestorePlan plan;

    /** @param plan a plan that {@linkplain RestorePlan#emptiesTablesWithRows() empties tables with rows} */
    public DataLossRefusedException(RestorePlan plan) {
        super(message(plan, API_OPTION));
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
        return "Refusing to restore schema-only snapshot " + plan.snapshot() + " into " + plan.target()
                + ": a schema-only snapshot holds no rows, so every table would come back empty, and these tables hold"
                + " rows: " + plan.emptied().describe() + ". Nothing was changed. Restore a snapshot taken with data,"
                + " or, if emptying them is meant, use " + allowWith + ".";
    }
}
