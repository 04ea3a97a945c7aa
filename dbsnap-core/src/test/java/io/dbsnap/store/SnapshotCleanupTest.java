package io.dbsnap.store;

import static io.dbsnap.store.SnapshotStoreTest.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A retention policy carried out on a directory: what goes, goes with all its files; nothing else is touched. */
class SnapshotCleanupTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    private StoredSnapshot write(String instant, String label, SnapshotDetails details) {
        return new SnapshotStore(dir, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
                .write(label, Compression.NONE, details, sql("SELECT 1;"));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDryRunDeletesNothingAndApplyDeletesExactlyWhatItShowed() throws Exception {
        write("2026-11-20T00:00:00Z", "newest", SnapshotDetails.none());
        write("2026-11-19T00:00:00Z", "second", SnapshotDetails.none());
        write("2026-11-18T00:00:00Z", "third", SnapshotDetails.none());
        write("2020-01-01T00:00:00Z", "pinned_old", SnapshotDetails.none().pinned());
        write("2020-01-02T00:00:00Z", "baseline", SnapshotDetails.none());
        StoredSnapshot damaged = write("2020-01-03T00:00:00Z", "damaged", SnapshotDetails.none());
        Files.delete(damaged.metadataFile());
        SnapshotStore store = new SnapshotStore(dir);
        List<String> before = files();

        // a month later: every snapshot is older than the minimum age of 7 days, which would keep them all
        Instant later = NOW.plus(java.time.Duration.ofDays(30));
        CleanupPlan plan = store.planCleanup(RetentionPolicy.keepLast(2), later);

        assertThat(files()).isEqualTo(before);
        assertThat(plan.deletedIds()).containsExactly("20261118_000000_third");
        assertThat(plan.keptIds()).containsExactly("20261120_000000_newest", "20261119_000000_second",
                "20200102_000000_baseline", "20200101_000000_pinned_old");

        CleanupPlan applied = store.cleanup(RetentionPolicy.keepLast(2), later);

        assertThat(applied).isEqualTo(plan);
        assertThat(files()).doesNotContain("20261118_000000_third.sql", "20261118_000000_third.meta.yaml")
                .hasSize(before.size() - 2)
                // the damaged entry is left as it is
                .contains("20200103_000000_damaged.sql");
        assertThat(store.entries()).extracting(SnapshotInfo::label)
                .containsExactly("newest", "second", "damaged", "baseline", "pinned_old");
    }

    @Test
    void deletingASnapshotRemovesItsCatalogToo() throws Exception {
        StoredSnapshot s = write("2026-11-20T00:00:00Z", "with_catalog", SnapshotDetails.none());
        Files.writeString(s.catalogFile(), "{}");

        new SnapshotStore(dir).delete(s);

        assertThat(files()).isEmpty();
    }
}
