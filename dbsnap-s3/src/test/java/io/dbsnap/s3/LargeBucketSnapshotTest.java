package io.dbsnap.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.Snapshots;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A data snapshot much larger than the heap goes up to a bucket and comes back, each in a child
 * JVM with {@code -Xmx64m}: streaming both ways, no local copy. About 100 MB by default, to keep
 * CI's time bounded; {@code -Ddbsnap.test.bucketRows=5000000} makes it about 1 GB.
 */
class LargeBucketSnapshotTest {

    /** Rows of about 200 bytes each. */
    private static final long ROWS = Long.getLong("dbsnap.test.bucketRows", 500_000);

    @Test
    void aSnapshotLargerThanTheHeapUploadsAndRestoresWith64MegabytesOfHeap() throws Exception {
        Path location = TestBuckets.newLocation("large");
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase src = server.createDatabase("large_src"); TestDatabase dst = server.createDatabase("large_dst")) {
            src.execute("CREATE TABLE big (id bigint PRIMARY KEY, payload text); INSERT INTO big SELECT g, "
                    + "repeat(md5(g::text), 6) FROM generate_series(1, " + ROWS + ") g");
            Map<String, String> env = new HashMap<>(TestBuckets.server().environment());

            env.put("DBSNAP_TEST_URL", url(server, src));
            long started = System.nanoTime();
            ChildJvm.Result snapshot = ChildJvm.run("-Xmx64m", BucketChild.class, env, Duration.ofMinutes(30),
                    "snapshot", location.toString(), "big");
            Duration upload = Duration.ofNanos(System.nanoTime() - started);
            assertThat(snapshot.exitCode()).as(snapshot.output()).isZero();

            StoredSnapshot stored = Snapshots.in(location).latest().stored();
            // the heap is a fraction of what went up
            assertThat(stored.sizeBytes()).isGreaterThan(ROWS * 190);

            env.put("DBSNAP_TEST_URL", url(server, dst));
            started = System.nanoTime();
            ChildJvm.Result restore = ChildJvm.run("-Xmx64m", BucketChild.class, env, Duration.ofMinutes(30),
                    "restore", location.toString(), stored.name().baseName());
            Duration download = Duration.ofNanos(System.nanoTime() - started);
            assertThat(restore.exitCode()).as(restore.output()).isZero();

            assertThat(fingerprint(dst)).isEqualTo(fingerprint(src));
            System.out.printf("bucket snapshot of %d bytes: upload %s, restore %s%n", stored.sizeBytes(), upload,
                    download);
        }
    }

    private static String url(PostgresServer server, TestDatabase db) {
        return "postgresql://" + db.user() + ":" + db.password() + "@" + server.host() + ":" + server.port() + "/"
                + db.name();
    }

    /** Computed by the server: the row count and a hash over every row in order. */
    private static String fingerprint(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) || ' ' || md5(string_agg(md5(id || ':' || payload), '' ORDER BY id)) FROM big")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
