package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbsnap.diff.DataChange;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FastReset#verify()} finds what differs from the captured state, by the schema diff's
 * own comparison, and only that: rows changed without their count changing (which a count does
 * not see), rows gone, an object added, a sequence moved; and no difference where a fast reset
 * put the same rows back in another physical order.
 */
class ResetVerificationTest {

    @TempDir
    Path dir;

    @Test
    void changesLeftInPlaceAreReportedAndGoneAfterTheReset() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_verify")) {
            db.execute(ResetFixture.SCHEMA);
            try (FastReset reset = FastReset.capture(db.dataSource(), dir.resolve("work"))) {
                assertThat(reset.verify().differences()).isEmpty();

                // same number of rows in countries: only their contents tell the change
                db.execute("UPDATE app.countries SET name = 'République française' WHERE code = 'fr';"
                        + " DELETE FROM app.tags WHERE id = 3; SELECT nextval('app.tickets');"
                        + " CREATE TABLE app.extra (id int)");
                ResetVerification changed = reset.verify();

                assertThat(changed.verified()).isFalse();
                assertThat(changed.diff().dataChanges()).extracting(DataChange::table, DataChange::kind)
                        .containsExactlyInAnyOrder(
                                tuple("app.countries", DataChange.Kind.CONTENTS_CHANGED),
                                tuple("app.tags", DataChange.Kind.ROWS_CHANGED),
                                tuple("app.extra", DataChange.Kind.ADDED));
                assertThat(changed.diff().changes()).hasSize(1);
                assertThat(changed.diff().changes().get(0).toString()).contains("app.extra");
                assertThat(changed.movedSequences()).containsExactly("app.tickets");
                assertThat(changed.differences()).contains("rows of app.tags: 3 → 2 rows",
                        "sequence app.tickets is not where the snapshot has it");

                assertThat(reset.reset().kind()).isEqualTo(ResetReport.Kind.FULL);
                assertThat(reset.verify().differences()).isEmpty();
            }
        }
    }

    @Test
    void rowsPutBackInAnotherPhysicalOrderVerify() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("reset_verify_order")) {
            db.execute(ResetFixture.SCHEMA);
            try (FastReset reset = FastReset.capture(db.dataSource(), dir.resolve("work"))) {
                assertThat(physicalOrder(db)).isEqualTo("fr,pe");

                db.execute("UPDATE app.countries SET name = 'France!' WHERE code = 'fr'");
                assertThat(reset.reset().kind()).isEqualTo(ResetReport.Kind.FAST);

                // the row put back comes after the untouched one: the COPY text is not the snapshot's
                assertThat(physicalOrder(db)).isEqualTo("pe,fr");
                assertThat(reset.verify().differences()).isEmpty();
            }
        }
    }

    /** The codes of app.countries in the order a sequential scan meets them. */
    private static String physicalOrder(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(code, ',' ORDER BY ctid) FROM app.countries")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
