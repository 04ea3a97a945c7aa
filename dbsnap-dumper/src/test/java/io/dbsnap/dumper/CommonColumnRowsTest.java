package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data oracle of the convergence corpus on a column of a composite type that gains an
 * attribute: the values A held must compare equal after {@code ADD ATTRIBUTE} (their text gains a
 * null attribute, {@code (1,2)} becomes {@code (1,2,)}), and any change to what A held, an
 * attribute's value or a null turned into a row of nulls, must still be seen.
 */
class CommonColumnRowsTest {

    private static final String A = "CREATE TYPE pair AS (x int, y int); CREATE TABLE t (id int PRIMARY KEY, p pair);"
            + " INSERT INTO t VALUES (1, '(1,2)'), (2, NULL), (3, '(,)');";
    private static final String B = "CREATE TYPE pair AS (x int, y int, label text); CREATE TABLE t (id int PRIMARY KEY, p pair);";

    @Test
    void aCompositeValueGainingANullAttributeIsUnchangedAndAnyOtherChangeIsSeen() throws Exception {
        try (TestDatabase a = PostgresServer.shared().createDatabase("common_rows_a");
             TestDatabase b = PostgresServer.shared().createDatabase("common_rows_b");
             Connection ca = a.connect(); Connection cb = b.connect()) {
            a.execute(A);
            b.execute(B);
            CommonColumnRows common = CommonColumnRows.between(ca, cb);
            List<String> before = common.describe(ca);

            a.execute("ALTER TYPE pair ADD ATTRIBUTE label text");
            assertThat(MigrationPlannerTest.rows(a, "SELECT p FROM t WHERE id = 1")).as("the text the values print")
                    .containsExactly("(1,2,)|");
            assertThat(common.describe(ca)).isEqualTo(before);

            a.execute("UPDATE t SET p.y = 5 WHERE id = 1");
            assertThat(common.describe(ca)).isNotEqualTo(before);
            a.execute("UPDATE t SET p.y = 2 WHERE id = 1");
            assertThat(common.describe(ca)).isEqualTo(before);

            a.execute("UPDATE t SET p = '(,,)' WHERE id = 2");
            assertThat(common.describe(ca)).as("a NULL value turned into a row of NULLs").isNotEqualTo(before);
        }
    }
}
