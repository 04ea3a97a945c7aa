package io.dbsnap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dbsnap.cli.ExitCodes;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server restarted ({@code pg_ctl restart -m fast}, and {@code -m immediate}, a crash and
 * recovery) while a restore's transaction is writing. The transaction cannot have committed: the
 * database is as before, the command exits 1 (the operation failed), no lock is left. A server of
 * the test's own, so that the shared one stays up for the other tests.
 */
class ServerRestartFaultTest {

    private static final int POINTS_PER_MODE = 3;
    private static final Duration GUARD = Duration.ofMinutes(2);
    private static final FaultSummary SUMMARY = new FaultSummary("server restarted mid-restore");

    @TempDir
    static Path work;

    private static PostgresServer server;
    private static TestDatabase changedShop;
    private static Path snapshots;

    @BeforeAll
    static void serverOfItsOwn() throws Exception {
        server = PostgresServer.startDedicated();
        try (TestDatabase shop = ShopFixture.shop(server, "fault_restart_shop")) {
            // rows enough that the restore's transaction runs a while after its first write
            shop.execute("CREATE TABLE shop.history AS SELECT g AS id, md5(g::text) AS digest"
                    + " FROM generate_series(1, 150000) g");
            snapshots = work.resolve("snapshots");
            InProcessDbsnap.Run run = InProcessDbsnap.run(shop, snapshots, "snapshot", "shop", "--data");
            assertThat(run.exitCode()).as(run.all()).isZero();
        }
        changedShop = ShopFixture.changedShop(server, "fault_restart_changed");
    }

    @AfterAll
    static void summary() {
        SUMMARY.publish();
        changedShop.close();
    }

    @Test
    void fastRestart() throws Exception {
        restartMidRestore("fast");
    }

    @Test
    void immediateRestart() throws Exception {
        restartMidRestore("immediate");
    }

    private void restartMidRestore(String mode) throws Exception {
        Random random = FaultSeed.random("pg_ctl restart -m " + mode);
        for (int point = 1; point <= POINTS_PER_MODE; point++) {
            long delayMillis = random.nextInt(150);
            String where = "restart -m " + mode + ", point " + point + " (" + delayMillis
                    + " ms after the restore's first write, seed " + FaultSeed.SEED + ")";
            try (TestDatabase db = server.createDatabaseFrom("fault_restart", changedShop)) {
                Path dir = work.resolve("dir-" + mode + "-" + point);
                Files.createDirectories(dir);
                try (var files = Files.list(snapshots)) {
                    for (Path file : files.toList()) {
                        Files.createLink(dir.resolve(file.getFileName()), file);
                    }
                }
                String before = Judge.state(db);
                DbsnapChild child = DbsnapChild.dbsnap(db, dir, "256m", "restore", "shop", "--yes",
                        "--no-safety-snapshot");
                try {
                    awaitFirstWrite(db, child);
                    Thread.sleep(delayMillis);
                    assertThat(child.isAlive()).as("%s: the restore was still running when the server restarted"
                            + " (else this point tests nothing): %s", where, child.output()).isTrue();
                    server.restart(mode);
                    int exit = child.awaitExit(GUARD);
                    assertThat(exit).as("%s: exit code; output: %s", where, child.output()).isEqualTo(ExitCodes.FAILED);
                    Judge.awaitSessionsGone(db);
                    String after = Judge.state(db);
                    assertThat(after.equals(before)).as("%s: the database is as before; %s", where,
                            Judge.difference(before, after)).isTrue();
                    Judge.assertAdvisoryLocksFree(db);
                    Judge.assertDirectorySound(db, dir, Set.of());
                    SUMMARY.record("restore (in place)", "pg_ctl restart -m " + mode, "exit 1, unchanged");
                } finally {
                    child.discard();
                }
            }
        }
    }

    /** Returns once the restore's transaction has an xid: it has written (dropped, created, loaded) something. */
    private static void awaitFirstWrite(TestDatabase db, DbsnapChild child) throws Exception {
        Instant deadline = Instant.now().plus(GUARD);
        try (Connection c = server.connect("postgres"); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND backend_xid IS NOT NULL")) {
            s.setString(1, db.name());
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                if (!child.isAlive() || Instant.now().isAfter(deadline)) {
                    fail("the restore never wrote (or ended first): %s", child.output());
                }
                Thread.sleep(1);
            }
        }
    }
}
