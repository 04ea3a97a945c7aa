package io.dbsnap.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.Snapshot;
import io.dbsnap.SnapshotDirectory;
import io.dbsnap.Snapshots;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a snapshot store promises, run the same against a directory and a bucket: snapshot, list,
 * verify, restore, diff and cleanup through the fluent API, with pg_dump as the oracle of what a
 * restore gives back.
 */
abstract class StoreContractTest {

    /** A new, empty store of the kind under test. */
    abstract Path newStore();

    @Test
    void snapshotListVerifyRestoreDiffCleanup() throws Exception {
        Path store = newStore();
        try (TestDatabase db = PostgresServer.shared().createDatabase("contract")) {
            db.execute(SampleSchemas.counted());
            String schemaBefore = PgDump.schemaOnly(db);
            String dataBefore = PgDump.dataOnly(db);

            Snapshot first = Snapshots.create("first").withData().gzip().in(store).from(db.dataSource());
            db.execute("CREATE TABLE app.user_roles (user_id int, role text); DELETE FROM app.audit");
            Snapshot second = Snapshots.create("second").withData().in(store).from(db.dataSource());

            SnapshotDirectory snapshots = Snapshots.in(store);
            assertThat(snapshots.list()).extracting(SnapshotInfo::label).containsExactly("second", "first");
            assertThat(snapshots.list()).noneMatch(SnapshotInfo::damaged);
            assertThat(snapshots.latest()).isEqualTo(second);
            assertThat(snapshots.get("2")).isEqualTo(first);
            assertThat(snapshots.get(first.name() + ".sql.gz")).isEqualTo(first);
            snapshots.store().verify(first.stored());
            snapshots.store().verify(second.stored());
            assertThat(first.metadata().tables()).isNotEmpty();

            DiffReport diff = snapshots.diff("first", "second");
            assertThat(diff.isEmpty()).isFalse();
            assertThat(diff.toText()).contains("user_roles");

            RestoreReport report = snapshots.get("first").restoreTo(db.dataSource());
            assertThat(report.verification().verified()).isTrue();
            assertThat(PgDump.schemaOnly(db)).isEqualTo(schemaBefore);
            assertThat(PgDump.dataOnly(db)).isEqualTo(dataBefore);
            // the restore's safety snapshot went to the same store, and is now the newest
            assertThat(Snapshots.in(store).list()).extracting(SnapshotInfo::label)
                    .containsExactly("before_restore", "second", "first");
            assertThat(Snapshots.in(store).latest().label()).isEqualTo("before_restore");

            // the snapshots are seconds old: without the override the minimum age would keep them all
            Snapshots.in(store).cleanup(RetentionPolicy.keepLast(1).ignoringMinimumAge()).apply();
            assertThat(Snapshots.in(store).list()).extracting(SnapshotInfo::label).containsExactly("before_restore");
            assertThat(Snapshots.in(store).latest().label()).isEqualTo("before_restore");
        }
    }
}
