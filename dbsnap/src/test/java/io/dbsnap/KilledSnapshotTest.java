package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot whose process dies (kill -9) in the middle of writing rows: no snapshot appears in
 * the directory, and the next snapshot written there removes the half-written file.
 */
class KilledSnapshotTest {

    private static final String APPLICATION = "dbsnap_killed_dump";

    @Test
    void aKilledDumpLeavesNoVisibleSnapshotAndItsTemporaryFileGoesLater(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("killed_dump")) {
            // enough rows that writing them takes a few seconds
            db.execute("CREATE TABLE events AS SELECT g AS id, md5(g::text) AS payload FROM generate_series(1, 2000000) g");
            PostgresServer server = PostgresServer.shared();
            String url = "postgresql://" + db.user() + ":" + db.password() + "@" + server.host() + ":" + server.port() + "/"
                    + db.name() + "?application_name=" + APPLICATION;

            Path output = Files.createTempFile("killed-dump-", ".log");
            Process child = ChildJvm.start("-Xmx64m", KilledSnapshot.class, Map.of("DBSNAP_TEST_SOURCE_URL", url), output,
                    dir.toString());
            try {
                awaitRowsWritten(db, child, dir, output);
                child.destroyForcibly().waitFor();
            } finally {
                child.destroyForcibly();
                Files.deleteIfExists(output);
            }

            assertThat(Snapshots.in(dir).list()).isEmpty();
            List<Path> partial = files(dir);
            assertThat(partial).as("the killed dump's temporary file and the reservation of its name")
                    .anyMatch(f -> f.getFileName().toString().startsWith(".dbsnap-partial-" + child.pid() + "-"))
                    .allMatch(f -> f.getFileName().toString().startsWith(".dbsnap-partial-" + child.pid() + "-")
                            || f.getFileName().toString().startsWith(".dbsnap-reserved-"));

            // a while later (its writer gone, the file untouched for over a minute), the next write removes it
            for (Path file : partial) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
            }
            Snapshot next = Snapshots.create("next").in(dir).from(db.dataSource());

            assertThat(files(dir)).allMatch(f -> f.getFileName().toString().startsWith(next.name()));
            assertThat(Snapshots.in(dir).list()).extracting(i -> i.label()).containsExactly("next");
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }

    /**
     * Returns once the child is in the middle of writing rows: its COPY runs on the server (its
     * session is known by its application name) and its temporary file has grown since then. Fails
     * with the child's output when the child ends first or 30 seconds pass.
     */
    private static void awaitRowsWritten(TestDatabase db, Process child, Path dir, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long sizeWhenCopyStarted = -1;
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'COPY%'")) {
            s.setString(1, APPLICATION);
            while (System.nanoTime() < deadline) {
                if (!child.isAlive()) {
                    throw new AssertionError("the child ended (exit " + child.exitValue() + ") before it was killed;"
                            + " its output: " + Files.readString(output));
                }
                if (sizeWhenCopyStarted < 0) {
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            sizeWhenCopyStarted = partialFileSize(dir, child.pid());
                        }
                    }
                } else if (partialFileSize(dir, child.pid()) > sizeWhenCopyStarted) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError((sizeWhenCopyStarted < 0 ? "the child's COPY did not start"
                : "the child's temporary file did not grow after its COPY started") + " within 30 s; its output: "
                + Files.readString(output));
    }

    /** The size of the child's temporary snapshot file, 0 while it has none. */
    private static long partialFileSize(Path dir, long pid) throws Exception {
        long size = 0;
        for (Path file : files(dir)) {
            if (file.getFileName().toString().startsWith(".dbsnap-partial-" + pid + "-")) {
                try {
                    size += Files.size(file);
                } catch (NoSuchFileException renamedOrRemoved) {
                    // the child finished that file meanwhile; the caller then sees the child end
                }
            }
        }
        return size;
    }
}
