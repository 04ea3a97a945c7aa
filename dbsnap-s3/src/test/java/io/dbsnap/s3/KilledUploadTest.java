package io.dbsnap.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.Snapshots;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * A snapshot whose process dies (kill -9) while it uploads: nothing is listed, its multipart
 * upload stays pending (S3 cannot know the writer is gone) while younger than the grace period,
 * and the next write after that aborts it.
 */
class KilledUploadTest {

    @Test
    void aKilledUploadLeavesNothingListedAndTheNextWriteAbortsItsPendingUpload() throws Exception {
        Path location = TestBuckets.newLocation("killed");
        try (TestDatabase db = PostgresServer.shared().createDatabase("killed_upload")) {
            // enough rows for several parts: the upload is under way long before the dump ends
            db.execute("CREATE TABLE events AS SELECT g AS id, md5(g::text) AS payload FROM generate_series(1, 2000000) g");
            PostgresServer server = PostgresServer.shared();
            Map<String, String> env = new HashMap<>(TestBuckets.server().environment());
            env.put("DBSNAP_TEST_URL", "postgresql://" + db.user() + ":" + db.password() + "@" + server.host() + ":"
                    + server.port() + "/" + db.name());
            Path output = Files.createTempFile("killed-upload-", ".log");
            Process child = ChildJvm.start("-Xmx64m", BucketChild.class, env, output, "snapshot", location.toString(),
                    "killed");
            try {
                awaitPendingUpload(location, child, output);
                child.destroyForcibly().waitFor();
            } finally {
                child.destroyForcibly();
                Files.deleteIfExists(output);
            }

            assertThat(Snapshots.in(location).list()).isEmpty();
            List<MultipartUpload> left = TestBuckets.pendingUploads(location);
            assertThat(left).hasSize(1).allMatch(u -> u.key().matches("killed/\\d{8}_\\d{6}_killed\\.sql"));

            // a write within the grace period leaves it: it could be another dump still running
            new SnapshotStore(location).write("soon", out -> facts(out));
            assertThat(TestBuckets.pendingUploads(location)).hasSize(1);

            // a write two days later (its clock moved on) aborts it
            SnapshotStore later = new SnapshotStore(location, Clock.offset(Clock.systemUTC(), Duration.ofDays(2)));
            StoredSnapshot next = later.write("next", out -> facts(out));
            assertThat(TestBuckets.pendingUploads(location)).isEmpty();
            assertThat(Snapshots.in(location).list()).extracting(i -> i.label()).containsExactly("next", "soon");
            assertThat(TestBuckets.keys(location)).noneMatch(k -> k.contains("_killed"));
            assertThat(next).isNotNull();
        }
    }

    private static SnapshotFacts facts(java.io.OutputStream out) throws java.io.IOException {
        out.write("SELECT 1;\n".getBytes(StandardCharsets.US_ASCII));
        return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "15.0", SnapshotScope.everything(), List.of());
    }

    /** Returns once the child's multipart upload exists; fails with its output if it ends first or 60 s pass. */
    private static void awaitPendingUpload(Path location, Process child, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended (exit " + child.exitValue() + ") before it was killed; its "
                        + "output: " + Files.readString(output));
            }
            if (!TestBuckets.pendingUploads(location).isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child's upload did not start within 60 s; its output: " + Files.readString(output));
    }
}
