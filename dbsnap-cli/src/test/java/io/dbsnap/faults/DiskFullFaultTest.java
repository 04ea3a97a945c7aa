package io.dbsnap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.cli.ExitCodes;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up while dbsnap writes a snapshot: a snapshot of its own, and a restore's safety
 * snapshot. The write fails with exit 1 and says so; no partial snapshot is listed, no temporary
 * file is left, a restore changes nothing, and a later write that fits succeeds. A tiny tmpfs when
 * this JVM may mount one (root), else a file size limit ({@code ulimit -f}) on the child.
 */
class DiskFullFaultTest {

    private static final Duration GUARD = Duration.ofMinutes(2);
    private static final FaultSummary SUMMARY = new FaultSummary("disk full");

    @TempDir
    static Path work;

    private static PostgresServer server;
    private static TestDatabase shop;
    private static TestDatabase changedShop;
    private static Path snapshots;
    private static Path mountPoint;

    @BeforeAll
    static void templates() throws Exception {
        server = PostgresServer.shared();
        shop = ShopFixture.shop(server, "fault_disk_shop");
        changedShop = ShopFixture.changedShop(server, "fault_disk_changed");
        snapshots = work.resolve("snapshots");
        InProcessDbsnap.Run run = InProcessDbsnap.run(shop, snapshots, "snapshot", "shop", "--data");
        assertThat(run.exitCode()).as(run.all()).isZero();
        mountPoint = work.resolve("tiny");
        Files.createDirectories(mountPoint);
        // -Ddbsnap.faults.mount=false tries the fallback where mounting works too
        if (!Boolean.parseBoolean(System.getProperty("dbsnap.faults.mount", "true")) || !mountTmpfs(mountPoint, "1m")) {
            mountPoint = null;
        }
        System.out.println("disk full by " + (mountPoint != null ? "a 1 MB tmpfs" : "ulimit -f (no tmpfs mounted)"));
    }

    @AfterAll
    static void summary() throws Exception {
        SUMMARY.publish();
        if (mountPoint != null) {
            run(List.of("umount", mountPoint.toString()));
        }
        changedShop.close();
        shop.close();
    }

    @Test
    void snapshotOnAFullDisk() throws Exception {
        Path dir = directory("snapshot");
        InProcessDbsnap.Run full = dbsnap(shop, dir, "snapshot", "big", "--data");
        assertThat(full.exitCode()).as(full.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(full.all()).as("says why").containsAnyOf("No space left on device", "File too large");
        assertThat(Judge.partialFiles(dir)).as("temporary files right after the failed write").isEmpty();
        Judge.Directory seen = Judge.assertDirectorySound(shop, dir, Set.of());
        assertThat(seen.listed()).as("no snapshot is listed").isEmpty();
        InProcessDbsnap.Run small = dbsnap(shop, dir, "snapshot", "small");
        assertThat(small.exitCode()).as("a write that fits, afterwards: %s", small.all()).isEqualTo(ExitCodes.OK);
        assertThat(Judge.partialFiles(dir)).isEmpty();
        Judge.assertDirectorySound(shop, dir, Set.of());
        SUMMARY.record("snapshot --data", "disk full", "exit 1, nothing listed, no temp file");
    }

    @Test
    void restoreWhoseSafetySnapshotDoesNotFit() throws Exception {
        try (TestDatabase db = server.createDatabaseFrom("fault_disk", changedShop)) {
            Path dir = directory("restore");
            try (var files = Files.list(snapshots)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            String before = Judge.state(db);
            InProcessDbsnap.Run restore = dbsnap(db, dir, "restore", "shop", "--yes");
            assertThat(restore.exitCode()).as(restore.all()).isEqualTo(ExitCodes.FAILED);
            Judge.awaitSessionsGone(db);
            String after = Judge.state(db);
            assertThat(after.equals(before)).as("the database is as before; %s", Judge.difference(before, after)).isTrue();
            Judge.assertAdvisoryLocksFree(db);
            Judge.Directory seen = Judge.assertDirectorySound(db, dir, Set.of());
            assertThat(seen.listed()).as("only the snapshot that was there").hasSize(1);
            assertThat(Judge.partialFiles(dir)).isEmpty();
            SUMMARY.record("restore (in place)", "disk full for its safety snapshot", "exit 1, unchanged");
        }
    }

    /**
     * A directory on the tiny file system, with the space left small: 100 kB, far less than the
     * shop's data (about 360 kB), more than its schema.
     */
    private static Path directory(String name) throws IOException {
        Path dir = (mountPoint != null ? mountPoint : work).resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    /** On the tmpfs: in this JVM, after filling the file system to 100 kB free; else a child under ulimit -f 100. */
    private static InProcessDbsnap.Run dbsnap(TestDatabase db, Path dir, String... args) throws Exception {
        if (mountPoint != null) {
            fillUpTo(mountPoint, 100 * 1024);
            return InProcessDbsnap.run(db, dir, args);
        }
        DbsnapChild child = DbsnapChild.dbsnapWithFileSizeLimit(db, dir, 100, args);
        try {
            int exit = child.awaitExit(GUARD);
            return new InProcessDbsnap.Run(exit, child.output(), "");
        } finally {
            child.discard();
        }
    }

    /** Grows (or shrinks) a filler file until {@code free} bytes are left on the file system. */
    private static void fillUpTo(Path root, long free) throws IOException {
        Path filler = root.resolve("filler");
        Files.deleteIfExists(filler);
        long usable = Files.getFileStore(root).getUsableSpace();
        long size = usable - free;
        if (size <= 0) {
            return;
        }
        byte[] block = new byte[8192];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    private static boolean mountTmpfs(Path at, String size) {
        try {
            return run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())) == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }
}
