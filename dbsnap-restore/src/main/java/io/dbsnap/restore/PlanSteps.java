package io.dbsnap.restore;

import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.migration.MigrationStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Runs a migration plan's steps inside the caller's transaction, a failure naming its step. */
final class PlanSteps {

    private PlanSteps() {
    }

    /**
     * @param lockTimeout the longest wait for each lock, so that the plan never waits behind the
     *                    application's sessions for long
     * @throws SQLException naming the step that failed, its first line and its hazards
     */
    static void run(Connection connection, MigrationPlan plan, Duration lockTimeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
            for (int i = 0; i < plan.steps().size(); i++) {
                MigrationStep step = plan.steps().get(i);
                try {
                    s.execute(step.sql());
                } catch (SQLException e) {
                    String hazards = step.hazards().isEmpty() ? "" : " (" + String.join("; ",
                            step.hazards().stream().map(Hazard::toString).toList()) + ")";
                    throw new SQLException("step " + (i + 1) + ", " + firstLine(step.sql()) + hazards + ": "
                            + e.getMessage(), e.getSQLState(), e);
                }
            }
        }
    }

    private static String firstLine(String sql) {
        int end = sql.indexOf('\n');
        return end < 0 ? sql : sql.substring(0, end) + " ...";
    }
}
