package io.dbsnap.dumper;

import static io.dbsnap.dumper.MigrationPlannerTest.read;
import static io.dbsnap.dumper.MigrationPlannerTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A table that gains an inheritance parent: {@code ALTER TABLE ... INHERIT} refuses a child that
 * lacks a column of the parent, so the plan adds the columns only the new parent brings first
 * (a kept parent's new column reaches the child through the parent's own ADD COLUMN). Columns the
 * child had before it inherits them stay its own ({@code attislocal}), which no ALTER changes: the
 * step says so. The server's catalog is the oracle: {@code pg_inherits} and {@code pg_attribute}.
 */
class InheritanceMigrationTest {

    /** Each column of the child: name, type, how many parents it comes from, whether it is the child's own. */
    private static final String CHILD_COLUMNS = "SELECT attname, atttypid::regtype, attinhcount, attislocal FROM pg_attribute"
            + " WHERE attrelid = 'child'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attname";
    private static final String PARENTS = "SELECT inhparent::regclass FROM pg_inherits WHERE inhrelid = 'child'::regclass"
            + " ORDER BY inhseqno";

    @Test
    void theColumnsOfASecondParentAreAddedBeforeItIsInherited() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("inherit_second_a");
             TestDatabase b = PostgresServer.shared().createDatabase("inherit_second_b")) {
            a.execute("CREATE TABLE p1 (a int); CREATE TABLE p2 (b int, e text);"
                    + " CREATE TABLE child (c int) INHERITS (p1); INSERT INTO child VALUES (1, 2), (3, 4);");
            b.execute("CREATE TABLE p1 (a int, d date); CREATE TABLE p2 (b int, e text);"
                    + " CREATE TABLE child (c int) INHERITS (p1, p2);");
            MigrationPlan plan = MigrationPlanner.plan(read(a), read(b));

            MigrationRenamesTest.apply(a, plan);

            assertThat(rows(a, PARENTS)).containsExactly("p1|", "p2|");
            // p1's new column d comes through p1 (inherited only), b and e are added to the child first
            assertThat(rows(a, CHILD_COLUMNS)).containsExactly("a|integer|1|f|", "b|integer|1|t|",
                    "c|integer|0|t|", "d|date|1|f|", "e|text|1|t|");
            assertThat(rows(b, CHILD_COLUMNS)).containsExactly("a|integer|1|f|", "b|integer|1|f|",
                    "c|integer|0|t|", "d|date|1|f|", "e|text|1|f|");
            assertThat(rows(a, "SELECT a, c FROM ONLY child ORDER BY a")).containsExactly("1|2|", "3|4|");
            assertThat(plan.hazards()).filteredOn(h -> h.kind() == Hazard.Kind.NOT_AS_TARGET).singleElement()
                    .satisfies(h -> assertThat(h.detail()).startsWith("columns b, e stay defined by the table"));
            assertThat(plan.preservesData()).isTrue();
        }
    }

    @Test
    void columnsAChildHadBeforeItInheritsThemAreFlagged() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("inherit_add_a");
             TestDatabase b = PostgresServer.shared().createDatabase("inherit_add_b")) {
            a.execute("CREATE TABLE parent (id int, v text); CREATE TABLE child (id int, v text, extra int);"
                    + " INSERT INTO child VALUES (2, 'c', 3);");
            b.execute("CREATE TABLE parent (id int, v text); CREATE TABLE child (extra int) INHERITS (parent);");
            MigrationPlan plan = MigrationPlanner.plan(read(a), read(b));

            assertThat(plan.steps()).singleElement().satisfies(step -> {
                assertThat(step.sql()).isEqualTo("ALTER TABLE ONLY public.child INHERIT public.parent;");
                assertThat(step.hazards()).singleElement().satisfies(h -> {
                    assertThat(h.kind()).isEqualTo(Hazard.Kind.NOT_AS_TARGET);
                    assertThat(h.subject()).isEqualTo("TABLE public.child");
                    assertThat(h.detail()).startsWith("columns id, v stay defined by the table as well as inherited");
                });
            });
            MigrationRenamesTest.apply(a, plan);
            assertThat(rows(a, "SELECT * FROM parent")).containsExactly("2|c|");
            assertThat(rows(a, CHILD_COLUMNS)).containsExactly("extra|integer|0|t|", "id|integer|1|t|",
                    "v|text|1|t|");
        }
    }
}
