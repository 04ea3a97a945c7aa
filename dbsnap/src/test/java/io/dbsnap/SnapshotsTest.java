package io.dbsnap;

import io.dbsnap.errors.DbSnapException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.InvalidLabelException;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.store.ObjectCounts;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.TableFacts;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent API on a real server: take, describe, list, pick and restore snapshots. */
class SnapshotsTest {

    /** Objects counted by hand: 2 tables, 1 view, 2 functions, 1 trigger, 1 policy, 1 sequence, 1 type, 1 index. */
    private static final String SCHEMA = SampleSchemas.counted();

    @TempDir
    Path dir;

    @Test
    void aSnapshotRecordsItsPurposeDatabaseCountsAndRowsAndRestoresTheDatabase() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("fluent")) {
            db.execute(SCHEMA);
            // owners and grants are recorded by default: plain pg_dump is the oracle
            String before = PgDump.run(db);

            Snapshot taken = Snapshots.create("pre_migration").purpose("before adding user_roles").withData().gzip()
                    .in(dir).from(db.dataSource());

            SnapshotMetadata metadata = taken.metadata();
            assertThat(metadata.purpose()).contains("before adding user_roles");
            assertThat(metadata.details().database()).contains(
                    db.user() + "@" + PostgresServer.shared().host() + ":" + PostgresServer.shared().port() + "/" + db.name());
            assertThat(metadata.type()).isEqualTo("schema+data");
            assertThat(metadata.compressed()).isTrue();
            assertThat(metadata.objects()).contains(new ObjectCounts(2, 1, 2, 1, 1, 1, 1, 1));
            // the trigger wrote one audit row per user
            assertThat(metadata.tables()).extracting(TableFacts::table, TableFacts::rows)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("app.users", 3L),
                            org.assertj.core.groups.Tuple.tuple("app.audit", 3L));
            assertThat(taken.file().getFileName().toString()).matches("\\d{8}_\\d{6}_pre_migration\\.sql\\.gz");

            db.execute("DROP VIEW app.happy_users; DELETE FROM app.users; CREATE TABLE app.user_roles (id int)");
            RestoreReport report = Snapshots.in(dir).latest().restoreTo(db.dataSource());

            assertThat(report.snapshot()).isEqualTo(taken.stored());
            assertThat(report.verification().verified()).isTrue();
            assertThat(PgDump.run(db)).isEqualTo(before);
            List<SnapshotInfo> listed = Snapshots.in(dir).list();
            assertThat(listed).extracting(SnapshotInfo::label).containsExactly("before_restore", "pre_migration");
            assertThat(listed.get(1).purpose()).contains("before adding user_roles");

            // both are seconds old: the minimum age of 7 days would keep them, so it is lifted by name
            Cleanup cleanup = Snapshots.in(dir).cleanup(RetentionPolicy.keepLast(1).ignoringMinimumAge());
            assertThat(Snapshots.in(dir).cleanup(RetentionPolicy.keepLast(1)).dryRun().deleted()).isEmpty();
            assertThat(cleanup.dryRun().deletedIds()).containsExactly(taken.name());
            assertThat(Snapshots.in(dir).list()).hasSize(2);
            cleanup.apply();
            assertThat(Snapshots.in(dir).list()).extracting(SnapshotInfo::label).containsExactly("before_restore");
        }
    }

    @Test
    void ownersAndGrantsAreRecordedUnlessAskedNotTo() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("fluent_access")) {
            db.execute(SCHEMA + "; GRANT SELECT ON app.users TO PUBLIC");
            Snapshot full = Snapshots.create("full").in(dir).from(db.dataSource());
            Snapshot bare = Snapshots.create("bare").noOwner().noPrivileges().in(dir).from(db.dataSource());
            Snapshot ownersOnly = Snapshots.create("owners_only").noPrivileges().in(dir).from(db.dataSource());

            assertThat(Files.readString(full.file())).contains("ALTER TABLE app.users OWNER TO " + db.user() + ";",
                    "GRANT SELECT ON TABLE app.users TO PUBLIC;");
            assertThat(Files.readString(bare.file())).doesNotContain("OWNER TO", "GRANT ", "REVOKE ");
            assertThat(Files.readString(ownersOnly.file())).contains("OWNER TO").doesNotContain("GRANT ", "REVOKE ");
            assertThat(full.metadata().access()).isEqualTo(io.dbsnap.store.RecordedAccess.both());
            assertThat(bare.metadata().access()).isEqualTo(io.dbsnap.store.RecordedAccess.none());
            assertThat(ownersOnly.metadata().access()).isEqualTo(new io.dbsnap.store.RecordedAccess(true, false));
        }
    }

    @Test
    void aPasswordInTheUrlIsUsedToConnectAndWrittenNowhere() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("fluent_url")) {
            db.execute(SCHEMA);
            PostgresServer server = PostgresServer.shared();
            String url = "postgresql://" + db.user() + ":" + db.password() + "@" + server.host() + ":" + server.port()
                    + "/" + db.name() + "?application_name=fluent_test";

            Snapshot taken = Snapshots.create("from_url").withData().notes("taken from a libpq URL").in(dir).from(url);
            taken.restoreTo(url);

            assertThat(taken.metadata().details().database()).contains(
                    db.user() + "@" + server.host() + ":" + server.port() + "/" + db.name());
            List<Path> files;
            try (Stream<Path> all = Files.list(dir)) {
                files = all.toList();
            }
            assertThat(files).hasSizeGreaterThanOrEqualTo(6);
            for (Path file : files) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as("%s", file.getFileName()).doesNotContain(db.password());
            }
        }
    }

    @Test
    void aBadLabelIsRefusedBeforeAnythingIsWrittenOrConnected() {
        for (String label : List.of("../x", "", "with space", "a/b", "..", "x".repeat(101))) {
            assertThatThrownBy(() -> Snapshots.create(label))
                    .isInstanceOf(InvalidLabelException.class)
                    .hasMessageContaining("A-Z a-z 0-9 . _ -");
        }
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aWrongPasswordIsAClearErrorThatDoesNotShowItAndLeavesNoFile() {
        PostgresServer server = PostgresServer.shared();
        String url = "postgresql://" + server.user() + ":not-the-password-42@" + server.host() + ":" + server.port()
                + "/postgres";
        Path snapshots = dir.resolve("snapshots");

        assertThatThrownBy(() -> Snapshots.create("nope").in(snapshots).from(url))
                .isInstanceOf(DbSnapException.class)
                .hasMessageContaining("Could not connect")
                .hasMessageContaining("password")
                .message().doesNotContain("not-the-password-42");
        assertThat(snapshots).doesNotExist();
    }
}
