package io.dbsnap.store;

import static io.dbsnap.store.SnapshotStoreTest.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.errors.SnapshotNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing for people and picking a snapshot by index, label, file name or latest; damaged entries. */
class SnapshotListingTest {

    @TempDir
    Path dir;

    private StoredSnapshot write(String instant, String label) {
        return new SnapshotStore(dir, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).write(label, sql("SELECT 1;"));
    }

    @Test
    void entriesAreNumberedNewestFirstWithTheirMetadata() {
        write("2026-01-01T00:00:00Z", "baseline");
        write("2026-01-03T00:00:00Z", "pre_migration");
        write("2026-01-02T00:00:00Z", "pre_migration");

        var entries = new SnapshotStore(dir).entries();

        assertThat(entries).extracting(SnapshotInfo::index).containsExactly(1, 2, 3);
        assertThat(entries).extracting(e -> e.name().baseName()).containsExactly("20260103_000000_pre_migration",
                "20260102_000000_pre_migration", "20260101_000000_baseline");
        assertThat(entries).allMatch(e -> !e.damaged() && e.metadata().isPresent());
        assertThat(entries.get(0).type()).isEqualTo("schema-only");
        Instant now = Instant.parse("2026-01-03T12:00:00Z");
        assertThat(entries).extracting(e -> e.isRecent(now)).containsExactly(true, false, false);
        assertThat(entries.get(1).age(now)).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void aHugeMetadataFileIsListedAsDamagedWithoutBeingParsed() throws Exception {
        write("2026-01-01T00:00:00Z", "before");
        StoredSnapshot huge = write("2026-01-02T00:00:00Z", "huge");
        StoredSnapshot longPurpose = write("2026-01-03T00:00:00Z", "long_purpose");
        write("2026-01-04T00:00:00Z", "after");
        // a 5 MB purpose edited in: the YAML parser alone took half a minute and a gigabyte on it
        String yaml = Files.readString(huge.metadataFile());
        Files.writeString(huge.metadataFile(), yaml + "purpose: \"" + "x".repeat(5_000_000) + "\"\n");
        // small enough to parse, too long to be a purpose dbsnap writes
        Files.writeString(longPurpose.metadataFile(), Files.readString(longPurpose.metadataFile())
                + "purpose: \"" + "y".repeat(SnapshotDetails.MAX_PURPOSE + 1) + "\"\n");

        var entries = new SnapshotStore(dir).entries();

        assertThat(entries).extracting(SnapshotInfo::label).containsExactly("after", "long_purpose", "huge", "before");
        assertThat(entries).extracting(SnapshotInfo::damaged).containsExactly(false, true, true, false);
        assertThat(entries.get(2).damage().orElseThrow()).contains("more than the 4194304 a metadata file may have")
                .contains(String.valueOf(Files.size(huge.metadataFile())));
        assertThat(entries.get(1).damage().orElseThrow()).contains("purpose").contains("at most 1000");
        assertThatThrownBy(() -> new SnapshotStore(dir).metadata(huge)).isInstanceOf(SnapshotCorruptException.class);
    }

    @Test
    void aPurposeOrNotesOverTheirCapsAreRefusedBeforeAnythingIsWritten() {
        SnapshotStore store = new SnapshotStore(dir);
        assertThatThrownBy(() -> store.write("x", Compression.NONE,
                SnapshotDetails.none().withPurpose("p".repeat(SnapshotDetails.MAX_PURPOSE + 1)), sql("SELECT 1;")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> SnapshotDetails.none().withNotes("n".repeat(SnapshotDetails.MAX_NOTES + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes");
        assertThat(SnapshotDetails.none().withPurpose("p".repeat(SnapshotDetails.MAX_PURPOSE)).purpose()).isPresent();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aDamagedDirectoryStillListsAndSaysWhatIsWrong() throws Exception {
        StoredSnapshot noMetadata = write("2026-01-01T00:00:00Z", "lost_meta");
        StoredSnapshot noSql = write("2026-01-02T00:00:00Z", "lost_sql");
        StoredSnapshot garbled = write("2026-01-03T00:00:00Z", "garbled");
        write("2026-01-04T00:00:00Z", "fine");
        Files.delete(noMetadata.metadataFile());
        Files.delete(noSql.sqlFile());
        Files.writeString(garbled.metadataFile(), "label: [unclosed");
        Files.writeString(dir.resolve("notes.txt"), "not a snapshot");
        Files.writeString(dir.resolve("whatever.meta.yaml"), "not a snapshot name");

        var entries = new SnapshotStore(dir).entries();

        assertThat(entries).extracting(SnapshotInfo::label).containsExactly("fine", "garbled", "lost_sql", "lost_meta");
        assertThat(entries).extracting(SnapshotInfo::damaged).containsExactly(false, true, true, true);
        assertThat(entries.get(1).damage().orElseThrow()).contains("not valid snapshot metadata");
        assertThat(entries.get(2).damage().orElseThrow()).contains("SQL file is missing");
        assertThat(entries.get(2).snapshot()).isEmpty();
        assertThat(entries.get(3).damage().orElseThrow()).contains("has no metadata file");
        assertThat(entries.get(3).type()).isEqualTo("?");
        // the plain listing of SQL files still holds the ones that are there
        assertThat(new SnapshotStore(dir).list()).hasSize(3);
    }

    @Test
    void aSnapshotIsPickedByLatestIndexFileNameOrLabel() {
        StoredSnapshot oldPre = write("2026-01-01T00:00:00Z", "pre_migration");
        StoredSnapshot newPre = write("2026-01-02T00:00:00Z", "pre_migration");
        StoredSnapshot newest = write("2026-01-03T00:00:00Z", "v1.2.0");
        SnapshotStore store = new SnapshotStore(dir);

        assertThat(store.find("latest")).isEqualTo(newest);
        assertThat(store.find("1")).isEqualTo(newest);
        assertThat(store.find("3")).isEqualTo(oldPre);
        assertThat(store.find("pre_migration")).isEqualTo(newPre);
        assertThat(store.find("20260101_000000_pre_migration.sql")).isEqualTo(oldPre);
        assertThat(store.find("20260101_000000_pre_migration")).isEqualTo(oldPre);
        assertThat(store.find("20260101_000000_pre_migration.meta.yaml")).isEqualTo(oldPre);
    }

    @Test
    void aNameThatMatchesNothingSaysWhatWould() {
        write("2026-01-01T00:00:00Z", "baseline");
        SnapshotStore store = new SnapshotStore(dir);

        assertThatThrownBy(() -> store.find("4")).isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining("'4'").hasMessageContaining("entries 1 to 1");
        assertThatThrownBy(() -> store.find("0")).isInstanceOf(SnapshotNotFoundException.class);
        assertThatThrownBy(() -> store.find("../x")).isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining("latest").hasMessageContaining("label");
        assertThatThrownBy(() -> new SnapshotStore(dir.resolve("absent")).find("latest"))
                .isInstanceOf(SnapshotNotFoundException.class).hasMessageContaining("holds no snapshot");
    }

    @Test
    void aDamagedEntryPickedByIndexIsRefusedWithWhatIsWrong() throws Exception {
        StoredSnapshot s = write("2026-01-01T00:00:00Z", "half");
        Files.delete(s.sqlFile());

        assertThatThrownBy(() -> new SnapshotStore(dir).find("1")).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("SQL file is missing");
    }

    @Test
    void staleTemporaryFilesOfADeadWriterGoAtTheNextWriteAndLiveOnesStay() throws Exception {
        Files.createDirectories(dir);
        long deadPid = deadPid();
        Path dead = Files.writeString(dir.resolve(".dbsnap-partial-" + deadPid + "-123.sql"), "half a dump");
        Path deadButFresh = Files.writeString(dir.resolve(".dbsnap-partial-" + deadPid + "-456.sql"), "another machine's");
        Path alive = Files.writeString(dir.resolve(".dbsnap-partial-" + ProcessHandle.current().pid() + "-789.sql"), "mine");
        Path ancient = Files.writeString(dir.resolve(".dbsnap-partial-nopid.sql"), "very old");
        FileTime twoMinutesAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(2)));
        Files.setLastModifiedTime(dead, twoMinutesAgo);
        Files.setLastModifiedTime(alive, twoMinutesAgo);
        Files.setLastModifiedTime(ancient, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        write("2026-01-01T00:00:00Z", "next");

        assertThat(dead).doesNotExist();
        assertThat(ancient).doesNotExist();
        assertThat(deadButFresh).exists();
        assertThat(alive).exists();
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
