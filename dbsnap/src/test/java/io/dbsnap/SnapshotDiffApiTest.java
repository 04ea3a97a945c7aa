package io.dbsnap;

import io.dbsnap.errors.SnapshotNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.diff.Change;
import io.dbsnap.diff.DataChange;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.Risk;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff through the fluent API: two snapshots of a directory, and a snapshot against the live database. */
class SnapshotDiffApiTest {

    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.users (id int PRIMARY KEY, name text, nickname text);
            CREATE VIEW app.names AS SELECT name FROM app.users;
            INSERT INTO app.users VALUES (1, 'ann', 'a'), (2, 'bob', 'b');
            """;

    @TempDir
    Path dir;

    @Test
    void twoSnapshotsAreComparedByLabelFromTheirFiles() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("fluent_diff")) {
            db.execute(SCHEMA);
            Snapshots.create("baseline").withData().in(dir).from(db.dataSource());
            // the migration: one column dropped, one table added, one view dropped, one row more
            db.execute("DROP VIEW app.names; ALTER TABLE app.users DROP COLUMN nickname;"
                    + " CREATE TABLE app.roles (id int); INSERT INTO app.users VALUES (3, 'cy')");
            Snapshots.create("migrated").withData().in(dir).from(db.dataSource());

            DiffReport report = Snapshots.in(dir).diff("baseline", "migrated");

            assertThat(lines(report)).containsExactlyInAnyOrder(
                    "- column app.users.nickname [COLUMN_REMOVED]",
                    "- view app.names [VIEW_REMOVED]",
                    "+ table app.roles");
            assertThat(report.dataChanges()).containsExactlyInAnyOrder(
                    new DataChange("app.users", "app", DataChange.Kind.ROWS_CHANGED, Optional.of(2L), Optional.of(3L)),
                    new DataChange("app.roles", "app", DataChange.Kind.ADDED, Optional.empty(), Optional.of(0L)));
            assertThat(report.toText()).contains("app.users.nickname");
            assertThat(Snapshots.in(dir).diff("baseline", "baseline").isEmpty()).isTrue();
        }
    }

    @Test
    void aSnapshotIsComparedWithTheLiveDatabase() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("fluent_diff_live")) {
            db.execute(SCHEMA);
            Snapshot baseline = Snapshots.create("baseline").in(dir).from(db.dataSource());
            assertThat(baseline.diffWith(db.dataSource()).isEmpty()).as("nothing changed yet").isTrue();

            db.execute("ALTER TABLE app.users ALTER COLUMN name SET NOT NULL");

            DiffReport drift = Snapshots.in(dir).latest().diffWith(db.dataSource());
            assertThat(lines(drift)).containsExactly("~ column app.users.name [NOT_NULL_ADDED]");
            assertThat(drift.after()).isEqualTo("live");
            assertThat(drift.dataChanges()).isEmpty();
        }
    }

    @Test
    void anUnknownSnapshotIsAClearError() {
        assertThatThrownBy(() -> Snapshots.in(dir).diff("baseline", "latest"))
                .isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining("baseline");
    }

    private static List<String> lines(DiffReport report) {
        return report.changes().stream().map(SnapshotDiffApiTest::line).toList();
    }

    private static String line(Change change) {
        List<String> risks = change.risks().stream().map(Risk::name).toList();
        return change + (risks.isEmpty() ? "" : " " + risks.toString().replace(" ", ""));
    }
}
