package io.dbsnap.store;

import static io.dbsnap.store.SnapshotStoreTest.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kind} of a snapshot in its metadata: written for dbsnap's own snapshots only, read back as written. */
class SnapshotKindTest {

    @TempDir
    Path dir;

    private SnapshotStore store() {
        return new SnapshotStore(dir, Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
    }

    @Test
    void aMigrationsSnapshotRecordsItsKindAndReadsItBack() throws Exception {
        StoredSnapshot s = store().write("before_V2__roles", Compression.NONE,
                SnapshotDetails.none().withPurpose("before migration V2__roles.sql").withKind(SnapshotKind.BEFORE_MIGRATION),
                sql("SELECT 1;"));

        assertThat(Files.readString(s.metadataFile())).contains("label: \"before_V2__roles\"\nkind: \"before-migration\"\n");
        assertThat(store().metadata(s).kind()).isEqualTo(SnapshotKind.BEFORE_MIGRATION);
    }

    @Test
    void aSnapshotTakenOnRequestHasNoKindField() throws Exception {
        StoredSnapshot s = store().write("after_deploy", sql("SELECT 1;"));

        assertThat(Files.readString(s.metadataFile())).doesNotContain("kind:");
        assertThat(store().metadata(s).kind()).isEqualTo(SnapshotKind.ON_REQUEST);
    }

    @Test
    void aKindThisVersionDoesNotKnowIsReadAsOtherNotAsOnRequest() {
        assertThat(SnapshotKind.fromFile(Optional.of("made-by-a-later-dbsnap"))).isEqualTo(SnapshotKind.OTHER);
        assertThat(SnapshotKind.fromFile(Optional.empty())).isEqualTo(SnapshotKind.ON_REQUEST);
    }
}
