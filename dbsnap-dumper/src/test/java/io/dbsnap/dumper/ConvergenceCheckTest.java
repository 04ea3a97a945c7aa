package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.testkit.PostgresServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convergence oracle judged on hand-written plans, since the planner it judges is still being
 * written: a right plan converges, and a plan that loses a column's values, misses a change, leaves
 * the wrong column order only, or fails halfway, does not.
 */
class ConvergenceCheckTest {

    private static final MigrationCase ADD_COLUMN = new MigrationCase("tables.add_column_in_middle",
            "CREATE TABLE t (id int PRIMARY KEY, name text);\n",
            "CREATE TABLE t (id int PRIMARY KEY, created date, name text);\n",
            "INSERT INTO t VALUES (1, 'one'), (2, 'two');\n", List.of(), 12);

    @TempDir
    Path dir;

    @Test
    void aRightPlanConvergesThoughTheNewColumnComesLast() throws Exception {
        ConvergenceOutcome outcome = run(ADD_COLUMN, "ALTER TABLE public.t ADD COLUMN created date");

        assertThat(outcome.converged()).as("%s", outcome).isTrue();
    }

    @Test
    void aPlanThatRecreatesAColumnLosesItsValuesAndDiverges() throws Exception {
        ConvergenceOutcome outcome = run(ADD_COLUMN, "ALTER TABLE public.t ADD COLUMN created date",
                "ALTER TABLE public.t DROP COLUMN name", "ALTER TABLE public.t ADD COLUMN name text");

        assertThat(outcome.verdict()).isEqualTo(ConvergenceOutcome.Verdict.DIVERGED);
        assertThat(outcome.detail()).startsWith("rows of common columns changed");
    }

    @Test
    void aPlanThatMissesAChangeDiverges() throws Exception {
        ConvergenceOutcome outcome = run(ADD_COLUMN, "ALTER TABLE public.t ADD COLUMN created timestamp");

        assertThat(outcome.verdict()).isEqualTo(ConvergenceOutcome.Verdict.DIVERGED);
        assertThat(outcome.detail()).contains("pg_dump --schema-only", "created date");
    }

    @Test
    void aPlanThatFailsHalfwayIsRolledBackAndNamed() throws Exception {
        ConvergenceOutcome outcome = run(ADD_COLUMN, "ALTER TABLE public.t ADD COLUMN created date",
                "ALTER TABLE public.no_such_table ADD COLUMN x int");

        assertThat(outcome.verdict()).isEqualTo(ConvergenceOutcome.Verdict.DIVERGED);
        assertThat(outcome.detail()).startsWith("step 2 of 2 failed and the plan was rolled back: ALTER TABLE public.no_such_table")
                .contains("42P01");
    }

    @Test
    void aCaseWhoseSideDoesNotLoadIsBroken() throws Exception {
        MigrationCase broken = new MigrationCase("tables.broken", "CREATE TABLE t (id int);\n",
                "CREATE TABLE t (id no_such_type);\n", "", List.of(), 12);

        assertThat(run(broken).verdict()).isEqualTo(ConvergenceOutcome.Verdict.CASE_BROKEN);
    }

    @Test
    void identicalSidesWithAStepDiverge() throws Exception {
        MigrationCase same = new MigrationCase("identical.t", "CREATE TABLE t (id int);\n",
                "CREATE TABLE t (id int);\n", "", List.of(), 12);

        assertThat(run(same, "SELECT 1").detail()).startsWith("A and B are the same, yet the plan has 1 steps");
    }

    private ConvergenceOutcome run(MigrationCase c, String... steps) throws Exception {
        ConvergenceCheck check = new ConvergenceCheck(PostgresServer.shared(), dir, (a, b) -> new MigrationPlan(
                Arrays.stream(steps).map(sql -> new MigrationStep(sql, List.of())).toList()));
        try {
            return check.run(c);
        } finally {
            check.close();
        }
    }
}
