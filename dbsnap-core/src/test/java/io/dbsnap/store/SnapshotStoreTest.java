package io.dbsnap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.DbSnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotStoreTest {

    @TempDir
    Path dir;

    private SnapshotStore storeAt(String instant) {
        return new SnapshotStore(dir, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void namesFilesByUtcTimeAndLabel() throws IOException {
        StoredSnapshot s = storeAt("2026-03-04T05:06:07.890Z").write("pre_migration", out -> out.write("SELECT 1;\n"));

        assertThat(s.sqlFile().getFileName()).hasToString("20260304_050607_pre_migration.sql");
        assertThat(Files.readString(s.sqlFile())).isEqualTo("SELECT 1;\n");
        assertThat(s.sizeBytes()).isEqualTo(10);
    }

    @Test
    void listsNewestFirstAndIgnoresOtherFiles() throws IOException {
        storeAt("2026-01-01T00:00:00Z").write("baseline", out -> out.write("--"));
        storeAt("2026-01-03T00:00:00Z").write("v1.2.0", out -> out.write("--"));
        storeAt("2026-01-02T00:00:00Z").write("pre_migration", out -> out.write("--"));
        Files.writeString(dir.resolve("notes.sql"), "not a snapshot");
        Files.writeString(dir.resolve("README"), "x");

        assertThat(new SnapshotStore(dir).list()).extracting(st -> st.name().label())
                .containsExactly("v1.2.0", "pre_migration", "baseline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", "has space", "..", ".", "naïve", "semi;colon"})
    void refusesBadLabelsBeforeWritingAnything(String label) throws IOException {
        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write(label, out -> out.write("--")))
                .isInstanceOf(InvalidLabelException.class)
                .hasMessageContaining("A-Z a-z 0-9 . _ -");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesALabelLongerThanOneHundredCharacters() {
        assertThat(new SnapshotName(Instant.EPOCH, "x".repeat(100)).label()).hasSize(100);
        assertThatThrownBy(() -> new SnapshotName(Instant.EPOCH, "x".repeat(101)))
                .isInstanceOf(InvalidLabelException.class);
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write("broken", out -> {
            out.write("CREATE TABLE half");
            throw new IOException("connection lost");
        })).isInstanceOf(DbSnapException.class).hasMessageContaining("connection lost")
                .hasMessageContaining("Nothing was added");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void neverOverwritesASnapshotOfTheSameSecond() throws IOException {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot first = store.write("same", out -> out.write("first"));

        assertThatThrownBy(() -> store.write("same", out -> out.write("second")))
                .isInstanceOf(DbSnapException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(first.sqlFile())).isEqualTo("first");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }
}
