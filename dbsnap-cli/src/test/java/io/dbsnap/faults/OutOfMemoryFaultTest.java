package io.dbsnap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.cli.ExitCodes;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link OutOfMemoryError} in the middle of a restore or a migration: a statement far larger
 * than the heap (a 48 MB comment, read under {@code -Xmx32m}) — in a snapshot (where reading its
 * catalog may already fail), and in a plain SQL file and a migration after statements that already
 * dropped a view, a table and a primary key. An Error must roll the transaction back like any
 * failure: the database stays as it was, the command exits 1, no lock is left.
 */
class OutOfMemoryFaultTest {

    private static final int HUGE_CHARACTERS = 48 * 1024 * 1024;
    private static final String SMALL_HEAP = "32m";
    private static final Duration GUARD = Duration.ofMinutes(3);
    private static final FaultSummary SUMMARY = new FaultSummary("OutOfMemoryError under -Xmx" + SMALL_HEAP);

    @TempDir
    static Path work;

    private static PostgresServer server;
    private static TestDatabase target;
    private static Path snapshots;

    /** Snapshots (plain and gzip) of a shop whose customers table has a 48 MB comment; a target in another state. */
    @BeforeAll
    static void snapshotsWithAHugeStatement() throws Exception {
        server = PostgresServer.shared();
        try (TestDatabase source = ShopFixture.shop(server, "fault_oom_source")) {
            source.execute("DO $$ BEGIN EXECUTE format('COMMENT ON TABLE shop.customers IS %L', repeat('x', "
                    + HUGE_CHARACTERS + ")); END $$");
            snapshots = work.resolve("snapshots");
            for (String[] args : new String[][] {{"snapshot", "huge", "--data"}, {"snapshot", "huge_gz", "--data", "--gzip"}}) {
                InProcessDbsnap.Run run = InProcessDbsnap.run(source, snapshots, args);
                assertThat(run.exitCode()).as(run.all()).isZero();
            }
        }
        target = ShopFixture.changedShop(server, "fault_oom_target");
    }

    @AfterAll
    static void summary() {
        SUMMARY.publish();
        target.close();
    }

    @Test
    void restoreOfAPlainSnapshot() throws Exception {
        expectRolledBack("restore .sql", "restore", "huge", "--yes");
    }

    @Test
    void restoreOfAGzipSnapshot() throws Exception {
        expectRolledBack("restore .sql.gz", "restore", "huge_gz", "--yes");
    }

    @Test
    void restoreOfAPlainSqlFile() throws Exception {
        Path file = work.resolve("huge-after-drops.sql");
        Files.writeString(file, hugeAfterChanges());
        expectRolledBack("restore of a plain .sql file", "restore", file.toString(), "--yes");
    }

    @Test
    void migrationAndItsDryRun() throws Exception {
        Path migration = work.resolve("V3__huge_comment.sql");
        Files.writeString(migration, hugeAfterChanges());
        expectRolledBack("migrate --dry-run", "migrate", migration.toString(), "--dry-run");
        expectRolledBack("migrate", "migrate", migration.toString());
    }

    /** What the issue saw committed by an Error: a view and a table dropped, a table left without its primary key. */
    private static String hugeAfterChanges() {
        return "DROP VIEW shop.customer_totals;\n"
                + "DROP TABLE shop.extra_1;\n"
                + "ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;\n"
                + "CREATE TABLE shop.created_before_the_huge_statement (id integer);\n"
                // not batched: the statements before it are sent to the server before the huge one is read
                + "INSERT INTO shop.created_before_the_huge_statement VALUES (1);\n"
                + "COMMENT ON TABLE shop.orders IS '" + "y".repeat(HUGE_CHARACTERS) + "';\n";
    }

    private void expectRolledBack(String operation, String... args) throws Exception {
        try (TestDatabase db = server.createDatabaseFrom("fault_oom", target)) {
            Path dir = work.resolve("dir-" + operation.replaceAll("[^a-z]", "_"));
            copySnapshots(dir);
            String before = Judge.state(db);
            DbsnapChild child = DbsnapChild.dbsnap(db, dir, SMALL_HEAP, args);
            try {
                int exit = child.awaitExit(GUARD);
                System.out.printf("%s under -Xmx%s, exit %d:%n%s%n", operation, SMALL_HEAP, exit,
                        child.output().lines().limit(12).reduce("", (a, b) -> a + "  " + b + "\n"));
                Judge.awaitSessionsGone(db);
                assertThat(child.output()).as("the child ran out of memory (else this tests nothing)")
                        .containsIgnoringCase("memory");
                assertThat(exit).as("exit code: %s", child.output()).isEqualTo(ExitCodes.FAILED);
                String after = Judge.state(db);
                assertThat(after.equals(before)).as("%s: the database is as before; %s", operation,
                        Judge.difference(before, after)).isTrue();
                Judge.assertAdvisoryLocksFree(db);
                Judge.assertDirectorySound(db, dir, Set.of());
                SUMMARY.record(operation, "OutOfMemoryError", "exit 1, unchanged");
            } finally {
                child.discard();
            }
        }
    }

    private static void copySnapshots(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (var files = Files.list(snapshots)) {
            for (Path file : files.toList()) {
                Files.createLink(dir.resolve(file.getFileName()), file);
            }
        }
    }
}
