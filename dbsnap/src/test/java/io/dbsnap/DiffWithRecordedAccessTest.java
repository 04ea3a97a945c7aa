package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.diff.Change;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Snapshot#diffWith} (and so {@code verify --url}) compares owners and grants exactly when
 * the snapshot recorded them, as the restore's verification does: a grant given since is drift
 * from a snapshot that records grants, and none from one taken without them.
 */
class DiffWithRecordedAccessTest {

    private static final String SCHEMA = "CREATE SCHEMA app; CREATE TABLE app.users (id int PRIMARY KEY, name text);";

    @TempDir
    Path dir;

    @Test
    void aGrantGivenSinceIsDriftOnlyFromASnapshotThatRecordsGrants() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("diff_access")) {
            db.execute(SCHEMA);
            Snapshot withGrants = Snapshots.create("with_grants").in(dir).from(db.dataSource());
            Snapshot withoutGrants = Snapshots.create("without_grants").noOwner().noPrivileges().in(dir)
                    .from(db.dataSource());

            db.execute("GRANT SELECT ON app.users TO PUBLIC");

            assertThat(withGrants.diffWith(db.dataSource()).changes()).map(Change::toString)
                    .containsExactly("+ privileges on TABLE app.users");
            assertThat(withoutGrants.diffWith(db.dataSource()).isEmpty()).isTrue();

            db.execute("ALTER TABLE app.users ADD COLUMN email text");

            // the structure is compared either way
            assertThat(withoutGrants.diffWith(db.dataSource()).changes()).map(Change::toString)
                    .containsExactly("+ column app.users.email");
        }
    }
}
