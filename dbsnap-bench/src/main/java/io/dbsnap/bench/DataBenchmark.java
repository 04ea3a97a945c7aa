package io.dbsnap.bench;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.restore.RestoreResult;
import io.dbsnap.restore.Restorer;
import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times moving rows, each against the tool users run today, in the same run on the same data:
 * a data-only dump (dbsnap's in-process dump, counting and hashing every table, against
 * {@code pg_dump --data-only}; then the same dump reading through several connections at once,
 * {@link DumpOptions#parallel(int)}, against the same pg_dump runs) and a restore of pg_dump's
 * file (dbsnap's one-transaction restore against {@code psql -f}). Then dumps and restores in a
 * JVM with a 64 MB heap, smaller than every table. Writes {@code target/bench/data.md}. Run by the
 * README's command.
 *
 * <p>Every run's result is checked before the next one ({@link ResultCheck}), and any difference
 * stops the benchmark with an exception: a first pg_dump file, whose row counts must be the
 * source's, is the reference each dump (dbsnap's, parallel or not, pg_dump's, the small heap's)
 * must match table by table in row count and digest; each restored database must hold the
 * source's rows (count and digest per table), and dbsnap's restorer must report loading as many.
 *
 * <p>System properties: {@code bench.dataMegabytes} (default 1024), {@code bench.repetitions}
 * (default 5), {@code bench.parallel} (connections of the parallel dump, default 2),
 * {@code bench.output}.
 */
public final class DataBenchmark {

    private static final String SMALL_HEAP = "-Xmx64m";

    private DataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = Integer.getInteger("bench.dataMegabytes", 1024);
        int repetitions = Integer.getInteger("bench.repetitions", 5);
        int parallel = Integer.getInteger("bench.parallel", 2);
        Path out = Path.of(System.getProperty("bench.output", "target/bench"));
        Files.createDirectories(out);
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase db = server.createDatabase("bench_data")) {
            BenchOutput.progress("Generating about %d MB of rows in %s", megabytes, db);
            long start = System.nanoTime();
            new GeneratedData(megabytes).create(db);
            double generation = Samples.millis(System.nanoTime() - start);
            Path dbsnapFile = out.resolve("dbsnap-data.sql");
            Path pgDumpFile = out.resolve("pg_dump-data.sql");
            Path reference = out.resolve("pg_dump-reference.sql");
            BenchOutput.progress("Reading the source's row counts and digests, and a reference dump with pg_dump");
            Map<String, Long> sourceCounts = ResultCheck.rowCounts(db);
            Map<String, String> sourceContents = ResultCheck.contents(db);
            pgDump(db, reference);
            ResultCheck.requireRowCounts("pg_dump's reference dump", reference, sourceCounts);
            long sourceRows = sourceCounts.values().stream().mapToLong(Long::longValue).sum();

            BenchOutput.progress("Warm-up dumps");
            dbsnapDump(db, dbsnapFile, 1);
            ResultCheck.requireSameRows("dbsnap's warm-up dump", dbsnapFile, reference);
            dbsnapDump(db, dbsnapFile, parallel);
            ResultCheck.requireSameRows("dbsnap's parallel warm-up dump", dbsnapFile, reference);
            pgDump(db, pgDumpFile);
            ResultCheck.requireSameRows("pg_dump's warm-up dump", pgDumpFile, reference);
            List<Double> dbsnapDumps = new ArrayList<>();
            List<Double> parallelDumps = new ArrayList<>();
            List<Double> pgDumps = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                // rotating who goes first evens out drift (page cache, autovacuum, neighbours)
                for (int turn = 0; turn < 3; turn++) {
                    switch ((turn + i) % 3) {
                        case 0 -> {
                            dbsnapDumps.add(dbsnapDump(db, dbsnapFile, 1));
                            ResultCheck.requireSameRows("dbsnap's dump " + (i + 1), dbsnapFile, reference);
                        }
                        case 1 -> {
                            parallelDumps.add(dbsnapDump(db, dbsnapFile, parallel));
                            ResultCheck.requireSameRows("dbsnap's parallel dump " + (i + 1), dbsnapFile, reference);
                        }
                        default -> {
                            pgDumps.add(pgDump(db, pgDumpFile));
                            ResultCheck.requireSameRows("pg_dump's dump " + (i + 1), pgDumpFile, reference);
                        }
                    }
                }
                BenchOutput.progress("Dump %d of %d: dbsnap %.0f ms, dbsnap parallel(%d) %.0f ms, pg_dump %.0f ms", i + 1, repetitions,
                        dbsnapDumps.get(i), parallel, parallelDumps.get(i), pgDumps.get(i));
            }

            List<Double> dbsnapRestores = new ArrayList<>();
            List<Double> psqlRestores = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                if (i % 2 == 0) {
                    dbsnapRestores.add(restore(server, pgDumpFile, true, sourceContents, sourceRows));
                    psqlRestores.add(restore(server, pgDumpFile, false, sourceContents, sourceRows));
                } else {
                    psqlRestores.add(restore(server, pgDumpFile, false, sourceContents, sourceRows));
                    dbsnapRestores.add(restore(server, pgDumpFile, true, sourceContents, sourceRows));
                }
                BenchOutput.progress("Restore %d of %d: dbsnap %.0f ms, psql %.0f ms", i + 1, repetitions, dbsnapRestores.get(i),
                        psqlRestores.get(i));
            }

            BenchOutput.progress("Dump and restore with %s", SMALL_HEAP);
            Path smallHeapFile = out.resolve("dbsnap-small-heap.sql");
            double smallDump = smallHeap(db, "dump", smallHeapFile);
            ResultCheck.requireSameRows("dbsnap's dump with " + SMALL_HEAP, smallHeapFile, reference);
            double smallRestore;
            try (TestDatabase target = emptyTarget(server)) {
                smallRestore = smallHeap(target, "restore", smallHeapFile);
                ResultCheck.requireContents("dbsnap's restore with " + SMALL_HEAP, target, sourceContents);
            }
            Files.delete(smallHeapFile);
            Files.delete(reference);

            DataReport report = new DataReport(megabytes, generation, MachineFacts.of(db), Files.size(dbsnapFile),
                    Files.size(pgDumpFile), new Samples(dbsnapDumps), parallel, new Samples(parallelDumps), new Samples(pgDumps),
                    new Samples(dbsnapRestores),
                    new Samples(psqlRestores), smallDump, smallRestore, largestTableBytes(db));
            BenchOutput.publish(out, "data.md", report.markdown());
        }
    }

    /** A data-only dump reading through {@code connections} connections (opened within the time, as pg_dump's is). */
    private static double dbsnapDump(TestDatabase db, Path file, int connections) throws Exception {
        settle(file);
        long start = System.nanoTime();
        DatabaseDumper dumper = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly().parallel(connections));
        try (OutputStream out = Files.newOutputStream(file)) {
            if (connections > 1) {
                dumper.dump(db.dataSource(), out);
            } else {
                try (Connection c = db.connect()) {
                    dumper.dump(c, out);
                }
            }
        }
        return Samples.millis(System.nanoTime() - start);
    }

    private static double pgDump(TestDatabase db, Path file) throws Exception {
        settle(file);
        long start = System.nanoTime();
        PgDump.toFile(db, file, "--data-only");
        return Samples.millis(System.nanoTime() - start);
    }

    /**
     * Loads {@code file} into a fresh database holding the empty tables; times only the load, then
     * checks that the database holds the source's rows (and that dbsnap's restorer counted as many).
     */
    private static double restore(PostgresServer server, Path file, boolean dbsnap, Map<String, String> sourceContents,
                                  long sourceRows) throws Exception {
        try (TestDatabase target = emptyTarget(server)) {
            target.execute("CHECKPOINT");
            settle(null);
            long start = System.nanoTime();
            RestoreResult restored = null;
            if (dbsnap) {
                try (Connection c = target.connect()) {
                    restored = new Restorer().restore(c, file);
                }
            } else {
                Psql.runFile(target, file);
            }
            double millis = Samples.millis(System.nanoTime() - start);
            if (restored != null && restored.rows() != sourceRows) {
                throw new IllegalStateException("dbsnap's restorer reports " + restored.rows() + " rows loaded, the source"
                        + " has " + sourceRows);
            }
            ResultCheck.requireContents(dbsnap ? "dbsnap's restore" : "psql's restore", target, sourceContents);
            return millis;
        }
    }

    /**
     * Puts each timed run on the same footing: the previous output file is deleted (so the new one
     * does not wait for the old one's pages to be written back) and the disk is synced, so that no
     * contender pays for the writes of the one before it.
     */
    private static void settle(Path file) throws Exception {
        if (file != null) {
            Files.deleteIfExists(file);
        }
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static TestDatabase emptyTarget(PostgresServer server) throws Exception {
        TestDatabase target = server.createDatabase("bench_data_target");
        target.execute(GeneratedData.SCHEMA);
        return target;
    }

    /** Runs {@link SmallHeapRun} in a JVM with a heap smaller than the tables; its time in ms. */
    private static double smallHeap(TestDatabase db, String what, Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ChildJvm.Result child = ChildJvm.run(SMALL_HEAP, SmallHeapRun.class, Map.of("DBSNAP_BENCH_PASSWORD", db.password()),
                Duration.ofMinutes(30), what, db.jdbcUrl(), db.user(), file.toString());
        if (child.exitCode() != 0) {
            throw new IllegalStateException(what + " with " + SMALL_HEAP + " failed:\n" + child.output());
        }
        return Samples.millis(System.nanoTime() - start);
    }

    private static long largestTableBytes(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT max(pg_total_relation_size(oid)) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
