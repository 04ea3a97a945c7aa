package io.dbsnap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.cli.ExitCodes;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One byte changed at a random offset of a snapshot's {@code .sql}, {@code .sql.gz},
 * {@code .meta.yaml} or {@code .catalog.json}: {@code verify} reports the damage (exit 3, or 1 for
 * a file that cannot be read at all), a restore refuses it and changes nothing, {@code list} still
 * works, and the other snapshot of the directory is unharmed.
 */
class CorruptionFaultTest {

    private static final int POINTS_PER_FILE = Integer.getInteger("dbsnap.faults.corruptions", 5);
    private static final FaultSummary SUMMARY = new FaultSummary("one corrupted byte");

    @TempDir
    static Path work;

    private static PostgresServer server;
    private static TestDatabase shop;
    private static TestDatabase target;
    private static Path pristine;
    private static String plain;
    private static String zipped;

    @BeforeAll
    static void snapshots() throws Exception {
        server = PostgresServer.shared();
        shop = ShopFixture.shop(server, "fault_corrupt_shop");
        target = ShopFixture.changedShop(server, "fault_corrupt_target");
        pristine = work.resolve("pristine");
        for (String[] args : new String[][] {{"snapshot", "plain", "--data"}, {"snapshot", "zipped", "--data", "--gzip"}}) {
            InProcessDbsnap.Run run = InProcessDbsnap.run(shop, pristine, args);
            assertThat(run.exitCode()).as(run.all()).isZero();
        }
        plain = baseName(".sql", "_plain");
        zipped = baseName(".sql.gz", "_zipped");
    }

    @AfterAll
    static void summary() {
        SUMMARY.publish();
        target.close();
        shop.close();
    }

    @Test
    void plainSql() throws Exception {
        corruptAtRandomOffsets(plain, ".sql", plain + ".sql");
    }

    @Test
    void gzipSql() throws Exception {
        corruptAtRandomOffsets(zipped, ".sql.gz", zipped + ".sql.gz");
    }

    @Test
    void metadata() throws Exception {
        corruptAtRandomOffsets(plain, ".meta.yaml", plain + ".meta.yaml");
    }

    @Test
    void catalog() throws Exception {
        corruptAtRandomOffsets(plain, ".catalog.json", plain + ".catalog.json");
    }

    private void corruptAtRandomOffsets(String snapshot, String kind, String fileName) throws Exception {
        Random random = FaultSeed.random("corrupted byte in " + kind);
        long size = Files.size(pristine.resolve(fileName));
        String before = Judge.state(target);
        for (int point = 1; point <= POINTS_PER_FILE; point++) {
            int offset = random.nextInt((int) size);
            int mask = 1 + random.nextInt(255);
            String where = kind + ", byte " + offset + " of " + size + " XOR " + mask + " (seed " + FaultSeed.SEED + ")";
            Path dir = work.resolve("corrupt" + kind.replace('.', '_') + "-" + point);
            copy(pristine, dir);
            Path file = dir.resolve(fileName);
            byte[] bytes = Files.readAllBytes(file);
            bytes[offset] ^= (byte) mask;
            Files.write(file, bytes);

            InProcessDbsnap.Run verify = InProcessDbsnap.run(target, dir, "verify", snapshot);
            assertThat(verify.exitCode()).as("%s: dbsnap verify reports the damage: %s", where, verify.all())
                    .isIn(ExitCodes.DIFFERENCES, ExitCodes.FAILED);
            InProcessDbsnap.Run restore = InProcessDbsnap.run(target, dir, "restore", snapshot, "--yes",
                    "--no-safety-snapshot");
            assertThat(restore.exitCode()).as("%s: dbsnap restore refuses: %s", where, restore.all())
                    .isIn(ExitCodes.DIFFERENCES, ExitCodes.FAILED);
            String after = Judge.state(target);
            assertThat(after.equals(before)).as("%s: the database is as before; %s", where,
                    Judge.difference(before, after)).isTrue();
            Judge.assertAdvisoryLocksFree(target);
            // list works, and the other snapshot still verifies
            Judge.assertDirectorySound(target, dir, Set.of(snapshot));
            SUMMARY.record("verify, restore, list", "corrupted byte in " + kind,
                    "damage reported (exit " + verify.exitCode() + "), restore refused, unchanged");
        }
    }

    private static String baseName(String suffix, String label) throws Exception {
        try (Stream<Path> files = Files.list(pristine)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(label + suffix)).toList();
            assertThat(names).hasSize(1);
            return names.get(0).substring(0, names.get(0).length() - suffix.length());
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
