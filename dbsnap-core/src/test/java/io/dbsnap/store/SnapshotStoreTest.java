package io.dbsnap.store;

import io.dbsnap.errors.InvalidLabelException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Schema;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotStoreTest {

    private static final String TABLE_SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    private SnapshotStore storeAt(String instant) {
        return new SnapshotStore(dir, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    /** Writes the text and says it was a schema-only snapshot of PostgreSQL 17.6. */
    static SnapshotContent sql(String text) {
        return out -> {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(), List.of());
        };
    }

    /** A few MB of SQL and COPY text, enough to pass through every buffer many times. */
    static String largeScript() {
        StringBuilder sql = new StringBuilder("CREATE TABLE public.t (id integer, note text);\n"
                + "COPY public.t (id, note) FROM stdin;\n");
        for (int i = 0; i < 100_000; i++) {
            sql.append(i).append("\tnote ").append(i * 7919 % 10007).append(" é\n");
        }
        return sql.append("\\.\n").toString();
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void namesFilesByUtcTimeAndLabel() throws IOException {
        StoredSnapshot s = storeAt("2026-03-04T05:06:07.890Z").write("pre_migration", sql("SELECT 1;\n"));

        assertThat(s.sqlFile().getFileName()).hasToString("20260304_050607_pre_migration.sql");
        assertThat(s.metadataFile().getFileName()).hasToString("20260304_050607_pre_migration.meta.yaml");
        assertThat(s.compressed()).isFalse();
        assertThat(Files.readString(s.sqlFile())).isEqualTo("SELECT 1;\n");
        assertThat(s.sizeBytes()).isEqualTo(10);
        assertThat(filesInDir()).containsExactly("20260304_050607_pre_migration.meta.yaml",
                "20260304_050607_pre_migration.sql");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsThroughWriteListMetadataAndOpenVerified(Compression compression) throws Exception {
        String script = largeScript();
        SnapshotStore store = storeAt("2026-03-04T05:06:07Z");
        List<TableFacts> tables = List.of(new TableFacts("public.t", 100_000, TABLE_SHA),
                new TableFacts("app.\"Order\"", 0, TABLE_SHA));

        StoredSnapshot written = store.write("before_v2", compression, out -> {
            byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
            // in pieces of odd sizes and single bytes, as a real writer would
            out.write(bytes, 0, 5);
            out.write(bytes[5]);
            out.write(bytes, 6, bytes.length - 6);
            return new SnapshotFacts(SnapshotFacts.SCHEMA_AND_DATA, "16.10", SnapshotScope.everything(), tables);
        });

        assertThat(store.list()).containsExactly(written);
        byte[] onDisk = Files.readAllBytes(written.sqlFile());
        assertThat(written.sizeBytes()).isEqualTo(onDisk.length);
        assertThat(written.compressed()).isEqualTo(compression == Compression.GZIP);
        assertThat(written.sqlFile().getFileName().toString())
                .isEqualTo("20260304_050607_before_v2" + compression.sqlSuffix());

        SnapshotMetadata metadata = store.metadata(written);
        assertThat(metadata.label()).isEqualTo("before_v2");
        assertThat(metadata.created()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
        assertThat(metadata.type()).isEqualTo("schema+data");
        assertThat(metadata.compressed()).isEqualTo(compression == Compression.GZIP);
        assertThat(metadata.sizeBytes()).isEqualTo(onDisk.length);
        assertThat(metadata.sha256()).isEqualTo(sha256(onDisk));
        assertThat(metadata.serverVersion()).isEqualTo("16.10");
        assertThat(metadata.dbsnapVersion()).isNotBlank().doesNotContain("${");
        assertThat(metadata.tables()).isEqualTo(tables);

        if (compression == Compression.GZIP) {
            assertThat(onDisk).startsWith((byte) 0x1f, (byte) 0x8b);
            assertThat(onDisk.length).isLessThan(script.length() / 3);
            try (InputStream gz = new GZIPInputStream(Files.newInputStream(written.sqlFile()))) {
                assertThat(new String(gz.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(script);
            }
        } else {
            assertThat(new String(onDisk, StandardCharsets.UTF_8)).isEqualTo(script);
        }
        try (InputStream in = store.openVerified(written)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(script);
        }
    }

    @Test
    void aSnapshotOfNothingIsEmptyButStillComplete() throws Exception {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot plain = store.write("empty", sql(""));
        StoredSnapshot gz = storeAt("2026-01-01T00:00:01Z").write("empty", Compression.GZIP, sql(""));

        try (InputStream in = store.openVerified(plain)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        try (InputStream in = store.openVerified(gz)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void listsNewestFirstIncludingCompressedAndIgnoresOtherFiles() throws IOException {
        storeAt("2026-01-01T00:00:00Z").write("baseline", sql("--"));
        storeAt("2026-01-03T00:00:00Z").write("v1.2.0", Compression.GZIP, sql("--"));
        storeAt("2026-01-02T00:00:00Z").write("pre_migration", sql("--"));
        Files.writeString(dir.resolve("notes.sql"), "not a snapshot");
        Files.writeString(dir.resolve("notes.sql.gz"), "not a snapshot");
        Files.writeString(dir.resolve("20260104_000000_x.sql.zip"), "not a snapshot");
        Files.writeString(dir.resolve("README"), "x");

        List<StoredSnapshot> listed = new SnapshotStore(dir).list();

        assertThat(listed).extracting(st -> st.name().label()).containsExactly("v1.2.0", "pre_migration", "baseline");
        assertThat(listed).extracting(StoredSnapshot::compressed).containsExactly(true, false, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", "has space", "..", ".", "naïve", "semi;colon"})
    void refusesBadLabelsBeforeWritingAnything(String label) {
        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write(label, sql("--")))
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

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aContentThatFailsWithAnIoExceptionLeavesNothingBehind(Compression compression) throws IOException {
        storeAt("2026-01-01T00:00:00Z").write("earlier", sql("SELECT 1;"));
        List<String> before = filesInDir();

        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:01Z").write("broken", compression, out -> {
            out.write(largeScript().getBytes(StandardCharsets.UTF_8));
            throw new IOException("connection lost");
        })).isInstanceOf(DbSnapException.class).hasMessageContaining("connection lost")
                .hasMessageContaining("Nothing was added");

        assertThat(filesInDir()).isEqualTo(before);
    }

    @Test
    void aContentThatFailsWithARuntimeExceptionLeavesNothingAndTheExceptionPropagatesAsItIs() throws IOException {
        UncheckedIOException dumpFailed = new UncheckedIOException(new IOException("COPY failed"));

        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write("broken", Compression.GZIP, out -> {
            out.write("CREATE TABLE half".getBytes(StandardCharsets.UTF_8));
            throw dumpFailed;
        })).isSameAs(dumpFailed);

        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aContentThatSaysNothingAboutWhatItWroteLeavesNothing() throws IOException {
        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write("mute", out -> null))
                .isInstanceOf(DbSnapException.class).hasMessageContaining("returned no SnapshotFacts")
                .hasMessageContaining("Nothing was added");

        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aDirectoryCreatedForAFailedWriteIsRemovedAgain() {
        Path nested = dir.resolve("snapshots");
        SnapshotStore store = new SnapshotStore(nested);

        assertThatThrownBy(() -> store.write("broken", out -> {
            throw new IllegalStateException("dump failed");
        })).hasMessage("dump failed");

        assertThat(nested).doesNotExist();
    }

    @Test
    void closingTheStreamOnlyFlushesIt() throws IOException {
        StoredSnapshot s = storeAt("2026-01-01T00:00:00Z").write("closed", Compression.GZIP, out -> {
            try (out) {
                out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
            }
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(), List.of());
        });

        try (InputStream in = new SnapshotStore(dir).openVerified(s)) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("SELECT 1;");
        }
    }

    @Test
    void neverOverwritesASnapshotOfTheSameSecond() throws IOException {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot first = store.write("same", sql("first"));
        String firstMetadata = Files.readString(first.metadataFile());

        assertThatThrownBy(() -> store.write("same", sql("second")))
                .isInstanceOf(DbSnapException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.write("same", Compression.GZIP, sql("second")))
                .isInstanceOf(DbSnapException.class).hasMessageContaining("already exists");

        assertThat(Files.readString(first.sqlFile())).isEqualTo("first");
        assertThat(Files.readString(first.metadataFile())).isEqualTo(firstMetadata);
        assertThat(filesInDir()).containsExactly("20260101_000000_same.meta.yaml", "20260101_000000_same.sql");
    }

    @Test
    void twoConcurrentSnapshotsOfOneLabelBothSucceedWithTwoNames() throws Exception {
        SnapshotStore store = new SnapshotStore(dir);
        java.util.concurrent.CyclicBarrier bothDumping = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // both dumps run at the same time: neither sees the other's files until both have a name
            java.util.concurrent.Callable<StoredSnapshot> write = () -> store.write("nightly", out -> {
                try {
                    bothDumping.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException("the other snapshot never started", e);
                }
                out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
                return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(), List.of());
            });
            java.util.concurrent.Future<StoredSnapshot> one = threads.submit(write);
            java.util.concurrent.Future<StoredSnapshot> two = threads.submit(write);
            StoredSnapshot a = one.get(60, java.util.concurrent.TimeUnit.SECONDS);
            StoredSnapshot b = two.get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(a.name().baseName()).isNotEqualTo(b.name().baseName());
            assertThat(List.of(a.name().label(), b.name().label())).containsOnly("nightly");
            assertThat(store.list()).hasSize(2);
            assertThat(store.entries()).noneMatch(SnapshotInfo::damaged);
            assertThat(filesInDir()).hasSize(4).noneMatch(f -> f.startsWith("."));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSecondSnapshotOfTheSameLabelWithinASecondIsNamedAfterTheNextSecond() throws IOException {
        SnapshotStore store = new SnapshotStore(dir);
        StoredSnapshot first = store.write("twice", sql("first"));
        StoredSnapshot second = store.write("twice", sql("second"));

        assertThat(second.name().created()).isAfter(first.name().created());
        assertThat(Files.readString(first.sqlFile())).isEqualTo("first");
        assertThat(Files.readString(second.sqlFile())).isEqualTo("second");
        assertThat(store.list()).containsExactly(second, first);
    }

    /** A catalog of one schema. */
    private static Catalog schemaCatalog(String name) {
        return new Catalog(List.of(new Schema(name)), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static SnapshotContent withCatalog(String sql, Catalog catalog) {
        return out -> {
            out.write(sql.getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(), List.of(),
                    Optional.of(catalog));
        };
    }

    @Test
    void theCatalogIsStoredBesideTheSnapshotWithItsFingerprintInTheMetadata() throws Exception {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot s = store.write("with_catalog", withCatalog("CREATE SCHEMA app;", schemaCatalog("app")));

        assertThat(filesInDir()).containsExactly("20260101_000000_with_catalog.catalog.json",
                "20260101_000000_with_catalog.meta.yaml", "20260101_000000_with_catalog.sql");
        assertThat(store.catalog(s)).contains(schemaCatalog("app"));
        // the fingerprint is the SHA-256 of the file as written: checked with an independent digest
        assertThat(store.metadata(s).schemaFingerprint()).contains(sha256(Files.readAllBytes(s.catalogFile())));
    }

    @Test
    void aSnapshotWithoutACatalogHasNoneAndNoFingerprint() throws IOException {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot s = store.write("plain", sql("SELECT 1;"));

        assertThat(store.catalog(s)).isEmpty();
        assertThat(store.metadata(s).schemaFingerprint()).isEmpty();
    }

    @Test
    void aDamagedCatalogFileIsNamedInTheError() throws IOException {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot s = store.write("damaged", withCatalog("SELECT 1;", schemaCatalog("app")));
        Files.writeString(s.catalogFile(), "{\"format\": 1, \"schemas\": [");

        assertThatThrownBy(() -> store.catalog(s)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(s.catalogFile().toString());
    }

    @Test
    void anEditedCatalogThatStillReadsIsRefusedForNotMatchingTheFingerprint() throws Exception {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot s = store.write("edited", withCatalog("CREATE SCHEMA app;", schemaCatalog("app")));
        // a valid catalog of another schema, written over the real one: it parses, but is not the one written
        StoredSnapshot other = storeAt("2026-01-02T00:00:00Z").write("other", withCatalog("SELECT 1;", schemaCatalog("evil")));
        Files.copy(other.catalogFile(), s.catalogFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> store.catalog(s)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(s.catalogFile().toString())
                .hasMessageContaining("schema_fingerprint")
                .hasMessageContaining(sha256(Files.readAllBytes(other.catalogFile())));
        assertThat(store.catalog(other)).contains(schemaCatalog("evil"));
    }

    @Test
    void aCatalogBesideMetadataWithoutAFingerprintIsRefused() throws Exception {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot s = store.write("edited", withCatalog("CREATE SCHEMA app;", schemaCatalog("app")));
        String yaml = Files.readString(s.metadataFile());
        Files.writeString(s.metadataFile(), yaml.replaceAll("(?m)^schema_fingerprint: .*\\n", ""));
        assertThat(Files.readString(s.metadataFile())).doesNotContain("schema_fingerprint");

        assertThatThrownBy(() -> store.catalog(s)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("no schema_fingerprint");
    }

    @Test
    void aCatalogIsTakenBackWhenTheSqlFileCannotBePublished() throws IOException {
        Path rival = dir.resolve("20260101_000000_race.sql");

        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write("race", out -> {
            Files.writeString(rival, "rival");
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(), List.of(),
                    Optional.of(schemaCatalog("app")));
        })).isInstanceOf(DbSnapException.class).hasMessageContaining("already exists");

        assertThat(filesInDir()).containsExactly("20260101_000000_race.sql");
    }

    @Test
    void ofTwoSnapshotsInOneSecondTheOneWrittenLastIsNewestInTheListingAndInACleanup() throws IOException {
        SnapshotStore store = storeAt("2026-01-01T00:00:00Z");
        StoredSnapshot first = store.write("zzz", sql("first"));
        StoredSnapshot second = store.write("aaa", sql("second"));
        // as a slow file system might stamp them: a second apart
        Files.setLastModifiedTime(first.sqlFile(), FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(second.sqlFile(), FileTime.fromMillis(2_000_000));

        assertThat(store.list()).containsExactly(second, first);
        // 9 days later: both are older than the minimum age of 7 days
        CleanupPlan plan = store.planCleanup(RetentionPolicy.keepLast(1), Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(plan.keptIds()).containsExactly(second.name().baseName());
        assertThat(plan.deletedIds()).containsExactly(first.name().baseName());
    }

    @Test
    void aSqlFileThatAppearsWhileWritingWinsAndTheMetadataIsTakenBack() throws IOException {
        // another process publishes the same name after this write checked for it
        Path rival = dir.resolve("20260101_000000_race.sql");

        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write("race", out -> {
            Files.writeString(rival, "rival");
            out.write("mine".getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(), List.of());
        })).isInstanceOf(DbSnapException.class).hasMessageContaining("already exists");

        assertThat(filesInDir()).containsExactly("20260101_000000_race.sql");
        assertThat(Files.readString(rival)).isEqualTo("rival");
    }

    @Test
    void aMetadataFileThatAppearsWhileWritingClaimsTheName() throws IOException {
        Path rival = dir.resolve("20260101_000000_race.meta.yaml");

        assertThatThrownBy(() -> storeAt("2026-01-01T00:00:00Z").write("race", Compression.GZIP, out -> {
            Files.writeString(rival, "label: race\n");
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "17.6", SnapshotScope.everything(), List.of());
        })).isInstanceOf(DbSnapException.class).hasMessageContaining("already exists");

        assertThat(filesInDir()).containsExactly("20260101_000000_race.meta.yaml");
    }
}
