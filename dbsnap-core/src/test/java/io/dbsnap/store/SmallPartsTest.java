package io.dbsnap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void parsesPlainAndCompressedFileNames() {
        SnapshotName plain = SnapshotName.parseFileName("20260304_050607_pre_migration.sql").orElseThrow();
        SnapshotName gz = SnapshotName.parseFileName("20260304_050607_v1.sql.gz").orElseThrow();
        // a label may itself end in .sql
        SnapshotName odd = SnapshotName.parseFileName("20260304_050607_a.sql.sql.gz").orElseThrow();

        assertThat(plain).isEqualTo(new SnapshotName(Instant.parse("2026-03-04T05:06:07Z"), "pre_migration"));
        assertThat(gz.label()).isEqualTo("v1");
        assertThat(gz.sqlFileName(Compression.GZIP)).isEqualTo("20260304_050607_v1.sql.gz");
        assertThat(gz.metadataFileName()).isEqualTo("20260304_050607_v1.meta.yaml");
        assertThat(odd.label()).isEqualTo("a.sql");
        assertThat(SnapshotName.parseFileName("20260304_050607_v1.sql.gz.tmp")).isEmpty();
        assertThat(SnapshotName.parseFileName("20260304_050607_v1.meta.yaml")).isEmpty();
        assertThat(SnapshotName.parseFileName(".dbsnap-partial-123.sql")).isEmpty();
    }

    @Test
    void formatsSizesForPeople() {
        assertThat(ByteSize.format(0)).isEqualTo("0 B");
        assertThat(ByteSize.format(1023)).isEqualTo("1023 B");
        assertThat(ByteSize.format(1024)).isEqualTo("1.0 kB");
        assertThat(ByteSize.format(12_897_245)).isEqualTo("12.3 MB");
        assertThat(ByteSize.format(1024L * 1024 - 1)).isEqualTo("1.0 MB");
        assertThat(ByteSize.format(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
        assertThat(ByteSize.format(Long.MAX_VALUE)).isEqualTo("8.0 EB");
    }

    @Test
    void factsSayWhatKindOfSnapshotTheyDescribe() {
        assertThatThrownBy(() -> new SnapshotFacts("full", "17.6", SnapshotScope.everything(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema-only");
        assertThatThrownBy(() -> new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(),
                List.of(new TableFacts("a.b", 1, "0".repeat(64)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableFacts("a.b", 1, "not a hash"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new TableFacts("a.b", -1, "0".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
