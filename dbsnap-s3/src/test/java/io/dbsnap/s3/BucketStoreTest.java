package io.dbsnap.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket store on a real S3 endpoint (S3Proxy), below the database: what is uploaded, when it
 * becomes visible, what a failure leaves, how it is read back and checked.
 */
class BucketStoreTest {

    /** 20 MiB of numbered lines: more than two 8 MiB parts, so the multipart path is taken. */
    private static final int LARGE_LINES = 20 * 1024 * 1024 / 16;

    private static SnapshotFacts facts() {
        return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "15.0", SnapshotScope.everything(), List.of());
    }

    private static void writeLines(OutputStream out, int lines) throws IOException {
        for (int i = 0; i < lines; i++) {
            out.write(String.format("-- line %07d\n", i).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String sha256OfLines(int lines) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < lines; i++) {
            digest.update(String.format("-- line %07d\n", i).getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void aLargeSnapshotIsUploadedInPartsAndReadsBackAsWritten() throws Exception {
        Path location = TestBuckets.newLocation("team/backups");
        SnapshotStore store = new SnapshotStore(location);

        StoredSnapshot written = store.write("large", Compression.GZIP, out -> {
            writeLines(out, LARGE_LINES);
            return facts();
        });

        String name = written.name().baseName();
        assertThat(TestBuckets.keys(location)).containsExactly("team/backups/" + name + ".meta.yaml",
                "team/backups/" + name + ".sql.gz", "team/backups/latest");
        assertThat(TestBuckets.pendingUploads(location)).isEmpty();
        assertThat(store.list()).containsExactly(written);
        try (InputStream in = store.openVerified(written)) {
            // the oracle: the lines hashed here, not what dbsnap recorded
            assertThat(sha256(in)).isEqualTo(sha256OfLines(LARGE_LINES));
        }
        store.verify(written);
        assertThat(store.metadata(written).sizeBytes()).isEqualTo(written.sizeBytes());
    }

    @Test
    void aFailedDumpAbortsItsUploadAndLeavesNothing() {
        Path location = TestBuckets.newLocation("p");
        SnapshotStore store = new SnapshotStore(location);

        assertThatThrownBy(() -> store.write("failing", Compression.NONE, out -> {
            writeLines(out, LARGE_LINES); // two parts sent before the failure
            throw new IOException("the server went away");
        })).isInstanceOf(DbSnapException.class).hasMessageContaining("the server went away")
                .hasMessageContaining("aborted");

        assertThat(TestBuckets.keys(location)).isEmpty();
        assertThat(TestBuckets.pendingUploads(location)).isEmpty();
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void anErrorAbortsTheUploadToo() {
        Path location = TestBuckets.newLocation("p");
        SnapshotStore store = new SnapshotStore(location);

        assertThatThrownBy(() -> store.write("oom", Compression.NONE, out -> {
            writeLines(out, LARGE_LINES);
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);

        assertThat(TestBuckets.keys(location)).isEmpty();
        assertThat(TestBuckets.pendingUploads(location)).isEmpty();
    }

    @Test
    void dataWithoutMetadataIsNotListedAndIsReportedIncomplete() {
        Path location = TestBuckets.newLocation("p");
        SnapshotStore store = new SnapshotStore(location);
        StoredSnapshot whole = store.write("whole", out -> {
            writeLines(out, 10);
            return facts();
        });
        try (S3Client s3 = TestBuckets.client()) {
            s3.putObject(b -> b.bucket(TestBuckets.bucketOf(location)).key("p/20200101_000000_halfway.sql"),
                    RequestBody.fromString("CREATE TABLE t ();\n"));
        }

        assertThat(store.list()).containsExactly(whole);
        List<SnapshotInfo> entries = store.entries();
        assertThat(entries).extracting(SnapshotInfo::label).containsExactly("whole", "halfway");
        assertThat(entries.get(1).damage()).hasValueSatisfying(d -> assertThat(d).startsWith("incomplete"));
        assertThat(store.find("halfway")).isNotNull();
    }

    @Test
    void latestResolvesThroughThePointerObject() {
        Path location = TestBuckets.newLocation("p");
        SnapshotStore store = new SnapshotStore(location);
        StoredSnapshot first = store.write("first", out -> {
            writeLines(out, 1);
            return facts();
        });
        StoredSnapshot second = store.write("second", out -> {
            writeLines(out, 2);
            return facts();
        });
        try (S3Client s3 = TestBuckets.client()) {
            String pointer = s3.getObjectAsBytes(b -> b.bucket(TestBuckets.bucketOf(location)).key("p/latest"))
                    .asUtf8String();
            assertThat(pointer.strip()).isEqualTo(second.name().baseName());

            // pointed back by hand: latest follows the pointer, not the listing
            s3.putObject(b -> b.bucket(TestBuckets.bucketOf(location)).key("p/latest"),
                    RequestBody.fromString(first.name().baseName() + "\n"));
            assertThat(store.find("latest")).isEqualTo(first);

            // deleting what it names moves it to the newest left
            store.delete(first);
            String moved = s3.getObjectAsBytes(b -> b.bucket(TestBuckets.bucketOf(location)).key("p/latest"))
                    .asUtf8String();
            assertThat(moved.strip()).isEqualTo(second.name().baseName());
            assertThat(store.find("latest")).isEqualTo(second);
        }
    }

    @Test
    void anObjectChangedAfterItWasWrittenFailsTheCheckAtItsEnd() throws Exception {
        Path location = TestBuckets.newLocation("p");
        SnapshotStore store = new SnapshotStore(location);
        StoredSnapshot written = store.write("tampered", out -> {
            writeLines(out, 1000);
            return facts();
        });
        // the same size, one byte changed
        byte[] content;
        try (InputStream in = store.openVerified(written)) {
            content = in.readAllBytes();
        }
        content[content.length - 2] = 'X';
        try (S3Client s3 = TestBuckets.client()) {
            s3.putObject(b -> b.bucket(TestBuckets.bucketOf(location)).key("p/" + written.sqlFile().getFileName()),
                    RequestBody.fromBytes(content));
        }

        assertThatThrownBy(() -> store.verify(written)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("s3://" + TestBuckets.bucketOf(location) + "/p/" + written.sqlFile().getFileName());
        try (InputStream in = store.openVerified(written)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(SnapshotCorruptException.class)
                    .hasMessageContaining("rolled back");
        }
    }

    @Test
    void credentialsAppearInNoObjectAndNoMessage() throws Exception {
        Path location = TestBuckets.newLocation("p");
        SnapshotStore store = new SnapshotStore(location);
        StoredSnapshot written = store.write("creds", out -> {
            writeLines(out, 3);
            return facts();
        });
        try (S3Client s3 = TestBuckets.client()) {
            for (String key : TestBuckets.keys(location)) {
                String content = s3.getObjectAsBytes(b -> b.bucket(TestBuckets.bucketOf(location)).key(key))
                        .asUtf8String();
                assertThat(content).doesNotContain(io.dbsnap.testkit.S3Server.SECRET_KEY)
                        .doesNotContain(io.dbsnap.testkit.S3Server.ACCESS_KEY);
            }
        }
        assertThatThrownBy(() -> store.find("nope")).hasMessageNotContaining(io.dbsnap.testkit.S3Server.SECRET_KEY)
                .hasMessageContaining("s3://");
        assertThat(written).isNotNull();
    }

    @Test
    void anUnreachableEndpointIsAClearErrorThatShowsNoCredential() throws Exception {
        TestBuckets.server();
        String endpoint = System.getProperty("dbsnap.s3.endpoint");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty("dbsnap.s3.endpoint", "http://127.0.0.1:" + closedPort);
        try {
            SnapshotStore store = new SnapshotStore(Path.of("s3://nowhere/app"));
            assertThatThrownBy(store::list).isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("Could not list snapshots in s3://nowhere/app")
                    .hasMessageContaining("DBSNAP_S3_ENDPOINT")
                    .hasMessageNotContaining(io.dbsnap.testkit.S3Server.SECRET_KEY);
        } finally {
            System.setProperty("dbsnap.s3.endpoint", endpoint);
        }
    }
}
