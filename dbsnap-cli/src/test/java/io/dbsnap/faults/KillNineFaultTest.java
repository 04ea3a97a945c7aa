package io.dbsnap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dbsnap.cli.ExitCodes;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random points of snapshot, restore, migrate, dry run and fast reset, each in a JVM of
 * its own. A point is a random delay, drawn from the fixed seed, within the operation's own
 * duration as measured by an unkilled run, counted from a condition polled, never a fixed sleep:
 * the child has a session on the database (a command), or was told to reset (the reset child).
 * Two points run at a time. After each point the judge checks: pg_dump of
 * the database equals its state before, or the unkilled run's result (never anything between);
 * a finished run equals the result; no advisory lock is left; every listed snapshot verifies; no
 * temporary file survives the next write.
 */
class KillNineFaultTest {

    private static final int POINTS = Integer.getInteger("dbsnap.faults.points", 20);
    /** Two points at a time: a child starting up and one being judged share the two cores of CI. */
    private static final int PARALLEL = Integer.getInteger("dbsnap.faults.parallel", 2);
    private static final Duration GUARD = Duration.ofMinutes(2);
    private static final FaultSummary SUMMARY = new FaultSummary("kill -9 at random points");

    @TempDir
    static Path work;

    private static PostgresServer server;
    private static TestDatabase shop;
    private static TestDatabase changedShop;
    /** A snapshot (schema and rows) of the shop, for the restores. */
    private static Path shopSnapshots;
    private static Path migration;
    private static final AtomicInteger DIRECTORIES = new AtomicInteger();

    @BeforeAll
    static void templates() throws Exception {
        server = PostgresServer.shared();
        shop = ShopFixture.shop(server, "fault_kill_shop");
        changedShop = ShopFixture.changedShop(server, "fault_kill_changed");
        shopSnapshots = work.resolve("shop-snapshots");
        InProcessDbsnap.Run snapshot = InProcessDbsnap.run(shop, shopSnapshots, "snapshot", "shop", "--data");
        assertThat(snapshot.exitCode()).as(snapshot.all()).isZero();
        migration = work.resolve("V2__paid_orders.sql");
        Files.writeString(migration, ShopFixture.migration());
    }

    @AfterAll
    static void summary() {
        SUMMARY.publish();
        changedShop.close();
        shop.close();
    }

    /** Starts the operation on a copy of its template; returns once the fault window opens. */
    private interface Operation {
        DbsnapChild start(TestDatabase db, Path dir) throws IOException;

        /** Returns once the operation has begun (the child has a session on the database). */
        default void awaitReady(DbsnapChild child, TestDatabase db, Path dir) throws Exception {
            awaitSession(child, db);
        }

        /** Lets a child that waits for it go on; the fault window opens now. */
        default void openWindow(Path dir) throws IOException {
        }

        /**
         * Returns once the operation's result is in place, and says whether the child waits to be
         * released after it (the reset child, before its close removes the change tracking).
         */
        default boolean awaitResult(DbsnapChild child) throws Exception {
            child.awaitExit(GUARD);
            return false;
        }

        /** Lets a child that waits after its result go on to its end. */
        default void release(Path dir) throws IOException {
        }

        /** True when the child itself changes the database before the window (the reset's test). */
        default boolean changesBeforeWindow() {
            return false;
        }

        /** The directory the judge checks. */
        default Path snapshotDirectory(Path dir) {
            return dir;
        }
    }

    @Test
    void snapshot() throws Exception {
        killAtRandomPoints("snapshot --data", shop, false,
                (db, dir) -> DbsnapChild.dbsnap(db, dir, "256m", "snapshot", "killed", "--data"));
    }

    @Test
    void restore() throws Exception {
        killAtRandomPoints("restore (in place, with safety snapshot)", changedShop, true,
                (db, dir) -> DbsnapChild.dbsnap(db, dir, "256m", "restore", "shop", "--yes"));
    }

    @Test
    void migrate() throws Exception {
        killAtRandomPoints("migrate", shop, false,
                (db, dir) -> DbsnapChild.dbsnap(db, dir, "256m", "migrate", migration.toString()));
    }

    @Test
    void dryRun() throws Exception {
        killAtRandomPoints("migrate --dry-run", shop, false,
                (db, dir) -> DbsnapChild.dbsnap(db, dir, "256m", "migrate", migration.toString(), "--dry-run"));
    }

    @Test
    void fastReset() throws Exception {
        killAtRandomPoints("fast reset", shop, false, new Operation() {
            @Override
            public DbsnapChild start(TestDatabase db, Path dir) throws IOException {
                return DbsnapChild.main(ResetChild.class, db, dir, dir.resolve("work").toString(),
                        dir.resolve("go").toString(), dir.resolve("close").toString());
            }

            @Override
            public void awaitReady(DbsnapChild child, TestDatabase db, Path dir) throws Exception {
                awaitOutput(child, ResetChild.READY);
            }

            /** The window is the reset itself: it opens when the child, captured and changed, is told to go. */
            @Override
            public void openWindow(Path dir) throws IOException {
                Files.createFile(dir.resolve("go"));
            }

            /** The reset's result is the database once it reports done, with the tracking still installed. */
            @Override
            public boolean awaitResult(DbsnapChild child) throws Exception {
                awaitOutput(child, ResetChild.DONE);
                return true;
            }

            @Override
            public void release(Path dir) throws IOException {
                Files.createFile(dir.resolve("close"));
            }

            @Override
            public boolean changesBeforeWindow() {
                return true;
            }

            @Override
            public Path snapshotDirectory(Path dir) {
                return dir.resolve("work").resolve("snapshot");
            }
        });
    }

    /**
     * The unkilled run first: its result, its duration, and the state before (for the reset, once
     * the window opens, after the test's changes).
     */
    private void killAtRandomPoints(String name, TestDatabase template, boolean withShopSnapshot, Operation operation)
            throws Exception {
        Random random = FaultSeed.random("kill -9 " + name);
        String before;
        String intended;
        Duration window;
        try (TestDatabase db = server.createDatabaseFrom("fault_ref", template)) {
            Path dir = directory(withShopSnapshot);
            before = Judge.state(db);
            DbsnapChild child = operation.start(db, dir);
            try {
                operation.awaitReady(child, db, dir);
                if (operation.changesBeforeWindow()) {
                    // the reset child waits for the go file: idle, holding no table lock
                    before = Judge.state(db);
                }
                operation.openWindow(dir);
                Instant opened = Instant.now();
                boolean waitsAfterResult = operation.awaitResult(child);
                window = Duration.between(opened, Instant.now());
                intended = waitsAfterResult ? Judge.state(db) : null;
                operation.release(dir);
                int exit = child.awaitExit(GUARD);
                assertThat(exit).as("the unkilled %s: %s", name, child.output()).isEqualTo(ExitCodes.OK);
            } finally {
                child.discard();
            }
            Judge.awaitSessionsGone(db);
            if (intended == null) {
                intended = Judge.state(db);
            }
            Judge.assertDirectorySound(db, operation.snapshotDirectory(dir), Set.of());
        }
        System.out.printf("%s: unkilled run %d ms from its first session to its exit%n", name, window.toMillis());

        // the points are drawn first, in order, so that running two at a time does not change them
        List<Long> delays = new ArrayList<>();
        for (int point = 1; point <= POINTS; point++) {
            // a tenth of the points fall after the end: the operation then finishes on its own
            delays.add((long) (random.nextDouble() * 1.1 * window.toNanos() / 1000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> points = new ArrayList<>();
            for (int i = 0; i < delays.size(); i++) {
                int point = i + 1;
                long delayMicros = delays.get(i);
                String b = before;
                String r = intended;
                points.add(pool.submit(() -> {
                    killAt(name, template, withShopSnapshot, operation, point, delayMicros, b, r);
                    return null;
                }));
            }
            for (Future<?> point : points) {
                try {
                    point.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw new AssertionError(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void killAt(String name, TestDatabase template, boolean withShopSnapshot, Operation operation, int point,
                        long delayMicros, String before, String intended) throws Exception {
        try (TestDatabase db = server.createDatabaseFrom("fault_kill", template)) {
            Path dir = directory(withShopSnapshot);
            DbsnapChild child = operation.start(db, dir);
            String where = name + ", point " + point + " (" + delayMicros / 1000 + " ms into the window, seed "
                    + FaultSeed.SEED + ")";
            try {
                operation.awaitReady(child, db, dir);
                operation.openWindow(dir);
                Thread.sleep(delayMicros / 1000, (int) (delayMicros % 1000) * 1000);
                String outcome;
                if (child.isAlive()) {
                    child.kill9();
                    Judge.awaitSessionsGone(db);
                    String after = Judge.state(db);
                    if (after.equals(before)) {
                        outcome = before.equals(intended) ? "killed, unchanged (as intended)" : "killed, unchanged";
                    } else if (after.equals(intended)) {
                        outcome = "killed after its commit, applied whole";
                    } else {
                        throw new AssertionError(where + ": the database is neither as before nor as intended:"
                                + " half-applied.\nCompared with before: " + Judge.difference(before, after)
                                + "\nCompared with the result: " + Judge.difference(intended, after));
                    }
                } else {
                    int exit = child.awaitExit(GUARD);
                    assertThat(exit).as("%s finished on its own: %s", where, child.output()).isEqualTo(ExitCodes.OK);
                    Judge.awaitSessionsGone(db);
                    assertThat(Judge.state(db)).as("%s finished: the database is its result", where)
                            .isEqualTo(intended);
                    outcome = "finished, exit 0, result as intended";
                }
                Judge.assertAdvisoryLocksFree(db);
                Judge.Directory seen = Judge.assertDirectorySound(db, operation.snapshotDirectory(dir), Set.of());
                SUMMARY.record(name, "kill -9", outcome);
                if (seen.leftoverTempFiles() > 0) {
                    SUMMARY.record(name, "temp files left by the kill, removed by the next write", "removed");
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(where + ": " + e.getMessage() + "\nChild output:\n" + child.output(), e);
            } finally {
                child.discard();
            }
        }
    }

    /** Returns once the child has printed {@code line}. */
    static void awaitOutput(DbsnapChild child, String line) throws InterruptedException {
        Instant deadline = Instant.now().plus(GUARD);
        while (!child.output().contains(line)) {
            if (!child.isAlive() || Instant.now().isAfter(deadline)) {
                fail("%s did not print %s: %s", child, line, child.output());
            }
            Thread.sleep(2);
        }
    }

    /** Returns once the child has a session on {@code db} (or has already ended). */
    static void awaitSession(DbsnapChild child, TestDatabase db) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(GUARD);
        try (Connection c = db.connect()) {
            while (child.isAlive() && Judge.sessions(c) == 0) {
                if (Instant.now().isAfter(deadline)) {
                    fail("%s opened no session on %s: %s", child, db.name(), child.output());
                }
                Thread.sleep(2);
            }
        }
    }

    /** A fresh snapshot directory, holding the shop's snapshot when the operation restores it. */
    private static Path directory(boolean withShopSnapshot) throws IOException {
        Path dir = work.resolve("point-" + DIRECTORIES.incrementAndGet());
        Files.createDirectories(dir);
        if (withShopSnapshot) {
            try (Stream<Path> files = Files.list(shopSnapshots)) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
        return dir;
    }
}
