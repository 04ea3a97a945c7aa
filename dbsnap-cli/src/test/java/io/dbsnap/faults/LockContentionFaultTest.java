package io.dbsnap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.cli.ExitCodes;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another session holds a table, a view or a sequence ACCESS EXCLUSIVE (a migration, a VACUUM
 * FULL, a forgotten transaction): a snapshot and an in-place restore must give up after their lock
 * timeouts with exit 4, not wait forever, and change nothing. All six cases run at once, so that
 * the suite waits for the longest timeout (the restore's default of 5 s) once.
 */
class LockContentionFaultTest {

    /** A hang guard, far above the documented timeouts: never a question of speed. */
    private static final Duration GUARD = Duration.ofMinutes(3);
    private static final FaultSummary SUMMARY = new FaultSummary("lock contention");

    @TempDir
    static Path work;

    private static PostgresServer server;
    private static TestDatabase shop;
    private static TestDatabase changedShop;
    private static Path snapshots;

    @BeforeAll
    static void templates() throws Exception {
        server = PostgresServer.shared();
        shop = ShopFixture.shop(server, "fault_lock_shop");
        changedShop = ShopFixture.changedShop(server, "fault_lock_changed");
        snapshots = work.resolve("snapshots");
        InProcessDbsnap.Run run = InProcessDbsnap.run(shop, snapshots, "snapshot", "shop", "--data");
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @AfterAll
    static void summary() {
        SUMMARY.publish();
        changedShop.close();
        shop.close();
    }

    private record Case(String operation, String objectKind, String object, TestDatabase db, Path dir, String before,
                        Connection holder, DbsnapChild child) {
    }

    @Test
    void snapshotAndRestoreGiveUpWithExitFour() throws Exception {
        List<String[]> objects = List.of(new String[] {"table", "shop.orders"},
                new String[] {"view", "shop.customer_totals"}, new String[] {"sequence", "shop.order_numbers"});
        List<Case> cases = new ArrayList<>();
        try {
            for (String[] object : objects) {
                // the snapshot's own timeout is 30 s by default; a shorter one keeps the suite quick
                cases.add(start("snapshot --data", object[0], object[1], shop, "snapshot", "locked", "--data",
                        "--lock-timeout", "2"));
                cases.add(start("restore (in place)", object[0], object[1], changedShop, "restore", "shop", "--yes",
                        "--no-safety-snapshot"));
            }
            for (Case c : cases) {
                String where = c.operation() + " with the " + c.objectKind() + " " + c.object() + " locked";
                int exit = c.child().awaitExit(GUARD);
                assertThat(exit).as("%s: exit code; output: %s", where, c.child().output()).isEqualTo(ExitCodes.LOCKED);
                assertThat(c.child().output()).as("%s: names what it waited for", where)
                        .contains(c.object().substring(c.object().indexOf('.') + 1));
                c.holder().rollback();
                c.holder().close();
                Judge.awaitSessionsGone(c.db());
                String after = Judge.state(c.db());
                assertThat(after.equals(c.before())).as("%s: the database is as before; %s", where,
                        Judge.difference(c.before(), after)).isTrue();
                Judge.assertAdvisoryLocksFree(c.db());
                Judge.Directory seen = Judge.assertDirectorySound(c.db(), c.dir(), Set.of());
                if (c.operation().startsWith("snapshot")) {
                    assertThat(seen.listed()).as("%s: no snapshot was written", where).isEmpty();
                }
                SUMMARY.record(c.operation(), c.objectKind() + " locked ACCESS EXCLUSIVE", "exit 4, unchanged");
            }
        } finally {
            for (Case c : cases) {
                c.child().discard();
                c.holder().close();
                c.db().close();
            }
        }
    }

    /** Locks the object in a copy of {@code template}, then starts the command on it. */
    private static Case start(String operation, String kind, String object, TestDatabase template, String... args)
            throws Exception {
        TestDatabase db = server.createDatabaseFrom("fault_lock", template);
        Path dir = work.resolve("dir-" + db.name());
        Files.createDirectories(dir);
        if (operation.startsWith("restore")) {
            try (var files = Files.list(snapshots)) {
                for (Path file : files.toList()) {
                    Files.createLink(dir.resolve(file.getFileName()), file);
                }
            }
        }
        String before = Judge.state(db);
        Connection holder = db.connect();
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            // LOCK TABLE refuses sequences; a rename, uncommitted, holds one ACCESS EXCLUSIVE as well
            s.execute(kind.equals("sequence") ? "ALTER SEQUENCE " + object + " RENAME TO renamed_by_the_holder"
                    : "LOCK TABLE " + object + " IN ACCESS EXCLUSIVE MODE");
        }
        return new Case(operation, kind, object, db, dir, before, holder, DbsnapChild.dbsnap(db, dir, "256m", args));
    }
}
