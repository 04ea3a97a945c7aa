package io.dbsnap.bench;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * dbsnap as people meet it: the command, a process that starts cold, against {@code pg_dump} and
 * {@code psql} processes on the same database in the same run (issue 23's table): JVM start alone,
 * pagila (schema-only and with data snapshots, the restore of that snapshot into an empty
 * database), the generated catalog of {@code bench.tables} tables and {@code bench.functions}
 * functions (schema dump and schema restore), and a generated data set of about
 * {@code bench.dataMegabytes} MB (dump and restore); and the library in a warm JVM (a pagila
 * snapshot with data, as a test suite takes one per test class) against the pg_dump process.
 * Each pair alternates which runs first; the report gives medians of wall time, CPU time and peak
 * memory, and the median of the paired ratios. Writes {@code target/bench/cli.md}.
 *
 * <p>Every restore is checked: the restored database holds the source's tables with their row
 * counts (dbsnap's and psql's alike), so that a fast wrong run cannot pass.
 *
 * <p>System properties: {@code bench.launcher} (bin/dbsnap), {@code bench.jar} (the runnable jar),
 * {@code bench.corpus} (the shared corpus directory), {@code bench.javaOpts} (JAVA_OPTS for the
 * command, to measure JVM flags), {@code bench.tables}, {@code bench.functions},
 * {@code bench.dataMegabytes}, {@code bench.repetitions}, {@code bench.output}. The launcher's own
 * variables pass through from the environment: {@code DBSNAP_CDS=off DBSNAP_JVM_FLAGS=} measures the
 * plain {@code java -jar} start of before issue 23.
 */
public final class CliBenchmark {

    private final Path launcher;
    private final Path jar;
    private final String javaOpts;
    private final int repetitions;
    private final Path work;
    private int runs;
    private boolean cdsBuild;

    private CliBenchmark(Path launcher, Path jar, String javaOpts, int repetitions, Path work) {
        this.launcher = launcher;
        this.jar = jar;
        this.javaOpts = javaOpts;
        this.repetitions = repetitions;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.output", "target/bench"));
        Path corpus = Path.of(System.getProperty("bench.corpus", "../shared/corpus")).toAbsolutePath().normalize();
        int tables = Integer.getInteger("bench.tables", 2000);
        int functions = Integer.getInteger("bench.functions", 1000);
        int megabytes = Integer.getInteger("bench.dataMegabytes", 1024);
        Path work = out.resolve("cli-work");
        deleteTree(work);
        Files.createDirectories(work);
        CliBenchmark bench = new CliBenchmark(Path.of(System.getProperty("bench.launcher", "../bin/dbsnap")).toAbsolutePath(),
                Path.of(System.getProperty("bench.jar", "../dbsnap-cli/target/none.jar")).toAbsolutePath(),
                System.getProperty("bench.javaOpts", ""), Integer.getInteger("bench.repetitions", 5), work);
        if (!Files.isRegularFile(bench.jar)) {
            throw new IllegalStateException("The runnable jar " + bench.jar + " is missing: run the profile with -am"
                    + " (./mvnw -q -Pbench-cli -DskipTests -pl dbsnap-bench -am package)");
        }
        String loadBefore = loadAverage();
        PostgresServer server = PostgresServer.shared();
        List<CliReport.Row> rows = new ArrayList<>();
        MachineFacts machine;
        try (TestDatabase pagila = server.createDatabase("bench_cli_pagila")) {
            machine = MachineFacts.of(pagila);
            rows.add(bench.version(pagila));
            BenchOutput.progress("Loading pagila from %s", corpus);
            Psql.runFile(pagila, corpus.resolve("pagila/pagila-schema.sql"));
            Psql.runFile(pagila, corpus.resolve("pagila/pagila-data.sql"));
            bench.pagila(server, pagila, rows);
        }
        try (TestDatabase catalog = server.createDatabase("bench_cli_catalog")) {
            BenchOutput.progress("Generating %d tables and %d functions", tables, functions);
            new GeneratedCatalog(tables, functions).create(catalog);
            bench.catalog(server, catalog, tables, functions, rows);
        }
        try (TestDatabase data = server.createDatabase("bench_cli_data")) {
            BenchOutput.progress("Generating about %d MB of rows", megabytes);
            new GeneratedData(megabytes).create(data);
            bench.data(server, data, megabytes, rows);
        }
        deleteTree(work);
        Files.createDirectories(out);
        BenchOutput.publish(out, "cli.md", new CliReport(rows, machine, bench.repetitions, bench.javaOpts, loadBefore,
                loadAverage()).markdown());
    }

    /** {@code dbsnap --version}: the JVM's start and picocli, nothing else. */
    private CliReport.Row version(TestDatabase db) throws Exception {
        // the first run of a new jar builds bin/dbsnap's class-data archive: before the timed runs, not beside them
        cdsBuild = true;
        run(db, null, "--version");
        cdsBuild = false;
        List<ProcessRun> runs = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            runs.add(run(db, null, "--version"));
        }
        BenchOutput.progress("dbsnap --version: %.0f ms", new CliReport.Measured(runs).wall().median());
        return new CliReport.Row("`dbsnap --version` (JVM start only)", "—", new CliReport.Measured(runs), null, null);
    }

    private void pagila(PostgresServer server, TestDatabase pagila, List<CliReport.Row> rows) throws Exception {
        Map<String, Long> counts = ResultCheck.rowCounts(pagila);
        Path pgDumpFile = work.resolve("pg_dump.sql");
        rows.add(pair("schema-only snapshot of pagila", "`pg_dump -s`", 1.5,
                () -> snapshot(pagila), () -> pgDump(pagila, pgDumpFile, "--schema-only")));
        rows.add(pair("snapshot with data of pagila", "`pg_dump`", 1.5,
                () -> snapshot(pagila, "--data"), () -> pgDump(pagila, pgDumpFile)));
        Path snapshotFile = snapshotFile(pagila);
        rows.add(pair("restore of that snapshot into an empty database", "`psql -1 -f`", 1.0,
                () -> restore(server, snapshotFile, counts), () -> psql(server, snapshotFile, counts, true)));
        rows.add(warmLibrary(pagila, pgDumpFile));
    }

    private void catalog(PostgresServer server, TestDatabase catalog, int tables, int functions, List<CliReport.Row> rows)
            throws Exception {
        Path dbsnapFile = work.resolve("dbsnap-schema.sql");
        Path pgDumpFile = work.resolve("pg_dump-schema.sql");
        String what = String.format("%,d tables + %,d functions", tables, functions);
        rows.add(pair("`dump --schema-only`, " + what, "`pg_dump -s`", 1.0,
                () -> dump(catalog, dbsnapFile, "--schema-only"), () -> pgDump(catalog, pgDumpFile, "--schema-only")));
        Map<String, Long> counts = ResultCheck.rowCounts(catalog);
        rows.add(pair("schema restore of that dump, " + what, "`psql -1 -f`", 0.5,
                () -> restore(server, dbsnapFile, counts), () -> psql(server, dbsnapFile, counts, true)));
    }

    private void data(PostgresServer server, TestDatabase data, int megabytes, List<CliReport.Row> rows) throws Exception {
        Map<String, Long> counts = ResultCheck.rowCounts(data);
        Path dbsnapFile = work.resolve("dbsnap-data.sql");
        Path pgDumpFile = work.resolve("pg_dump-data.sql");
        String size = megabytes >= 1024 ? String.format("%.1f GB", megabytes / 1024.0) : megabytes + " MB";
        rows.add(pair("dump with data, " + size + " database", "`pg_dump`", 1.0,
                () -> dump(data, dbsnapFile), () -> pgDump(data, pgDumpFile)));
        Files.deleteIfExists(pgDumpFile);
        rows.add(pair("restore of that dump", "`psql -f`", 0.8,
                () -> restore(server, dbsnapFile, counts), () -> psql(server, dbsnapFile, counts, false)));
    }

    /** Runs the two {@code repetitions} times, alternating which goes first (page cache, autovacuum, neighbours). */
    private CliReport.Row pair(String work, String competitor, Double goal, Timed dbsnap, Timed other) throws Exception {
        BenchOutput.progress("%s: warm-up", work);
        dbsnap.run();
        other.run();
        List<ProcessRun> ours = new ArrayList<>();
        List<ProcessRun> theirs = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            if (i % 2 == 0) {
                ours.add(dbsnap.run());
                theirs.add(other.run());
            } else {
                theirs.add(other.run());
                ours.add(dbsnap.run());
            }
            BenchOutput.progress("%s %d of %d: dbsnap %.0f ms (CPU %.0f ms, %d MB), %s %.0f ms", work, i + 1, repetitions,
                    ours.get(i).wallMillis(), ours.get(i).cpuMillis(), ours.get(i).maxRssKb() / 1024, competitor,
                    theirs.get(i).wallMillis());
        }
        return new CliReport.Row(work, competitor, new CliReport.Measured(ours), new CliReport.Measured(theirs), goal);
    }

    /** The library in a warm JVM: an in-process dump with data of pagila against the pg_dump process. */
    private CliReport.Row warmLibrary(TestDatabase pagila, Path pgDumpFile) throws Exception {
        Path file = work.resolve("library.sql");
        Timed library = () -> {
            long start = System.nanoTime();
            try (Connection c = pagila.connect(); OutputStream out = Files.newOutputStream(file)) {
                new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).dump(c, out);
            }
            return new ProcessRun(Samples.millis(System.nanoTime() - start), Double.NaN, 0);
        };
        for (int i = 0; i < 5; i++) {
            library.run(); // the warm JVM of a test suite: its JIT has seen the dump before
        }
        return pair("library, warm JVM: pagila schema+data dump", "`pg_dump` process", 0.3, library,
                () -> pgDump(pagila, pgDumpFile));
    }

    private ProcessRun snapshot(TestDatabase db, String... options) throws Exception {
        Path dir = work.resolve("snapshots");
        deleteTree(dir);
        List<String> args = new ArrayList<>(List.of("snapshot", "bench_" + (++runs)));
        args.addAll(List.of(options));
        return run(db, null, args.toArray(String[]::new));
    }

    /** A snapshot with data of {@code db} kept for the restores: its SQL file. */
    private Path snapshotFile(TestDatabase db) throws Exception {
        snapshot(db, "--data");
        Path kept = work.resolve("pagila-snapshot.sql");
        try (Stream<Path> files = Files.list(work.resolve("snapshots"))) {
            Path sql = files.filter(f -> f.getFileName().toString().endsWith(".sql")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the snapshot wrote no .sql file"));
            Files.copy(sql, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return kept;
    }

    private ProcessRun dump(TestDatabase db, Path file, String... options) throws Exception {
        Files.deleteIfExists(file);
        List<String> args = new ArrayList<>(List.of("dump"));
        args.addAll(List.of(options));
        return run(db, file, args.toArray(String[]::new));
    }

    /** {@code dbsnap restore FILE} into a new empty database, then its tables' row counts checked. */
    private ProcessRun restore(PostgresServer server, Path file, Map<String, Long> counts) throws Exception {
        try (TestDatabase target = server.createDatabase("bench_cli_target")) {
            target.execute("CHECKPOINT");
            ProcessRun run = run(target, null, "restore", file.toString(), "--yes", "--no-safety-snapshot");
            check("dbsnap's restore", target, counts);
            return run;
        }
    }

    /** {@code psql -f FILE} (with {@code -1} when asked) into a new empty database, checked as dbsnap's. */
    private ProcessRun psql(PostgresServer server, Path file, Map<String, Long> counts, boolean oneTransaction) throws Exception {
        try (TestDatabase target = server.createDatabase("bench_cli_target")) {
            target.execute("CHECKPOINT");
            List<String> command = new ArrayList<>(List.of("psql", "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1"));
            if (oneTransaction) {
                command.add("--single-transaction");
            }
            command.addAll(List.of("--file", file.toString()));
            ProcessRun run = ProcessRun.of(withConnection(command, target), Map.of("PGPASSWORD", target.password()), null);
            check("psql's restore", target, counts);
            return run;
        }
    }

    private ProcessRun pgDump(TestDatabase db, Path file, String... options) throws Exception {
        Files.deleteIfExists(file);
        List<String> command = new ArrayList<>(List.of("pg_dump"));
        command.addAll(List.of(options));
        command.addAll(List.of("--file", file.toString()));
        return ProcessRun.of(withConnection(command, db), Map.of("PGPASSWORD", db.password()), null);
    }

    private static List<String> withConnection(List<String> command, TestDatabase db) {
        List<String> all = new ArrayList<>(command.subList(0, 1));
        all.addAll(List.of("--host", db.server().host(), "--port", String.valueOf(db.server().port()), "--username", db.user(),
                "--dbname", db.name()));
        all.addAll(command.subList(1, command.size()));
        return all;
    }

    /** bin/dbsnap with the database in DBSNAP_DB_URL and its password in PGPASSWORD, as a user would. */
    private ProcessRun run(TestDatabase db, Path stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("DBSNAP_DB_URL", "postgresql://" + db.user() + "@" + db.server().host() + ":" + db.server().port() + "/" + db.name());
        env.put("PGPASSWORD", db.password());
        env.put("DBSNAP_DIR", work.resolve("snapshots").toString());
        env.put("DBSNAP_JAR", jar.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS", javaOpts);
        if (cdsBuild && !"off".equals(System.getenv("DBSNAP_CDS"))) {
            env.put("DBSNAP_CDS", "wait");
        }
        return ProcessRun.of(command, env, stdout);
    }

    /** The restored database holds the source's tables, each with the source's row count. */
    private static void check(String what, TestDatabase target, Map<String, Long> counts) throws Exception {
        Map<String, Long> restored = ResultCheck.rowCounts(target);
        if (!restored.equals(counts)) {
            throw new IllegalStateException(what + " differs from the source: " + restored.size() + " tables against "
                    + counts.size() + (restored.size() < 50 ? ": " + restored + " against " + counts : ""));
        }
    }

    /** The load average (1, 5, 15 minutes) as Linux tells it: the figures mean little on a busy machine. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One timed run of a contender. */
    @FunctionalInterface
    private interface Timed {
        ProcessRun run() throws Exception;
    }
}
