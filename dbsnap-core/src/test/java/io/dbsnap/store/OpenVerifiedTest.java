package io.dbsnap.store;

import static io.dbsnap.store.SnapshotStoreTest.largeScript;
import static io.dbsnap.store.SnapshotStoreTest.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.errors.SnapshotNotFoundException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenVerifiedTest {

    @TempDir
    Path dir;

    private SnapshotStore store;

    private StoredSnapshot write(Compression compression) {
        store = new SnapshotStore(dir, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        return store.write("checked", compression, sql(largeScript()));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesATruncatedFile(Compression compression) throws IOException {
        StoredSnapshot s = write(compression);
        long size = Files.size(s.sqlFile());
        try (FileChannel channel = FileChannel.open(s.sqlFile(), StandardOpenOption.WRITE)) {
            channel.truncate(size - 1);
        }

        assertThatThrownBy(() -> store.openVerified(s))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(s.sqlFile().toString())
                .hasMessageContaining("truncated or was changed after it was written")
                .hasMessageContaining("expects " + size + " bytes")
                .hasMessageContaining("the file has " + (size - 1) + " bytes")
                .hasMessageContaining("will not be restored");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesAFileWithOneByteChanged(Compression compression) throws IOException {
        StoredSnapshot s = write(compression);
        String expectedSha = store.metadata(s).sha256();
        byte[] bytes = Files.readAllBytes(s.sqlFile());
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(s.sqlFile(), bytes);

        assertThatThrownBy(() -> store.openVerified(s))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(s.sqlFile().toString())
                .hasMessageContaining("SHA-256 " + expectedSha)
                .hasMessageContaining("will not be restored");
    }

    @Test
    void aMissingSqlFileIsNotFound() throws IOException {
        StoredSnapshot s = write(Compression.NONE);
        Files.delete(s.sqlFile());

        assertThatThrownBy(() -> store.openVerified(s))
                .isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining(s.sqlFile().toString());
    }

    @Test
    void aMissingMetadataFileIsAClearError() throws IOException {
        StoredSnapshot s = write(Compression.GZIP);
        Files.delete(s.metadataFile());

        assertThatThrownBy(() -> store.metadata(s))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("has no metadata file " + s.metadataFile())
                .hasMessageContaining("cannot be checked");
        assertThatThrownBy(() -> store.openVerified(s))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(s.metadataFile().toString());
    }

    @Test
    void aSnapshotWithNeitherFileIsNotFound() throws IOException {
        StoredSnapshot s = write(Compression.NONE);
        Files.delete(s.metadataFile());
        Files.delete(s.sqlFile());

        assertThatThrownBy(() -> store.metadata(s))
                .isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining(s.sqlFile().toString());
    }

    @Test
    void metadataThatIsNotYamlIsAClearError() throws IOException {
        StoredSnapshot s = write(Compression.NONE);
        Files.writeString(s.metadataFile(), "label: [unclosed\n");

        assertThatThrownBy(() -> store.openVerified(s))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("The metadata file " + s.metadataFile() + " is not valid snapshot metadata");
    }

    @Test
    void metadataWithoutTheChecksumIsAClearError() throws IOException {
        StoredSnapshot s = write(Compression.NONE);
        String yaml = Files.readString(s.metadataFile());
        Files.writeString(s.metadataFile(), yaml.replaceAll("(?m)^sha256: .*\\n", ""));

        assertThatThrownBy(() -> store.metadata(s))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("it has no sha256");
    }

    @Test
    void anEmptyMetadataFileIsAClearError() throws IOException {
        StoredSnapshot s = write(Compression.NONE);
        Files.writeString(s.metadataFile(), "");

        assertThatThrownBy(() -> store.metadata(s))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(s.metadataFile().toString());
    }

    @Test
    void recognisesGzipByItsMagicBytesNotByName() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
        }

        try (InputStream in = Compression.decompressing(
                new BufferedInputStream(new ByteArrayInputStream(compressed.toByteArray())))) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("SELECT 1;");
        }
        byte[] plain = {0x1f, 'x', 'y'};
        try (InputStream in = Compression.decompressing(new BufferedInputStream(new ByteArrayInputStream(plain)))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        try (InputStream in = Compression.decompressing(new BufferedInputStream(InputStream.nullInputStream()))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }
}
