package io.dbsnap.bench;

import static io.dbsnap.bench.BenchOutput.progress;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Times dbsnap's structural diff of two catalogs of the generated database (thousands of tables
 * and functions) before and after a migration that changes a share of them, against what users do
 * today: {@code diff -u} of two {@code pg_dump --schema-only} files. Writes the report to
 * {@code target/bench/schema-diff.md}; never part of the tests.
 *
 * <p>Parameters are system properties, see {@link BenchmarkParameters}. Progress goes to stderr,
 * the Markdown table to stdout.
 */
public final class SchemaDiffBenchmark {

    /** Untimed runs first: the diff is a few milliseconds of code the JIT compiles over its first runs. */
    static final int WARM_UP = 10;

    private SchemaDiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkParameters parameters = BenchmarkParameters.fromSystemProperties();
        Files.createDirectories(parameters.outputDir());
        BenchOutput.publish(parameters.outputDir(), "schema-diff.md", run(parameters, PostgresServer.shared()).markdown());
    }

    static SchemaDiffReport run(BenchmarkParameters parameters, PostgresServer server) throws Exception {
        Path dir = parameters.outputDir();
        Path dumpBefore = dir.resolve("diff-before.sql");
        Path dumpAfter = dir.resolve("diff-after.sql");
        Path jsonBefore = dir.resolve("diff-before.catalog.json");
        Path jsonAfter = dir.resolve("diff-after.catalog.json");
        try (TestDatabase db = server.createDatabase("bench_schema_diff")) {
            progress("Generating %d tables and %d functions in %s", parameters.tables(), parameters.functions(), db);
            GeneratedCatalog generated = new GeneratedCatalog(parameters.tables(), parameters.functions());
            GeneratedCatalog.Counts counts = generated.create(db);
            Catalog before = read(db);
            PgDump.toFile(db, dumpBefore, "--schema-only");
            write(before, jsonBefore);

            progress("Migrating");
            GeneratedMigration migration = new GeneratedMigration(generated, parameters.tables(), parameters.functions());
            migration.apply(db);
            Catalog after = read(db);
            PgDump.toFile(db, dumpAfter, "--schema-only");
            write(after, jsonAfter);

            // the first diff in this JVM, as a short-lived one (a CLI run) sees it: class loading, no JIT yet
            long coldStart = System.nanoTime();
            DiffReport report = SchemaDiff.compare(before, after);
            double cold = Samples.millis(System.nanoTime() - coldStart);
            if (report.changes().size() != migration.expectedChanges()) {
                throw new IllegalStateException("the diff found " + report.changes().size() + " changes, the migration made "
                        + migration.expectedChanges() + ": " + report.summary());
            }

            progress("Warm-up");
            for (int i = 0; i < WARM_UP; i++) {
                planInMemory(after, before);
                planOfFiles(jsonAfter, jsonBefore);
                diffInMemory(before, after);
                diffOfFiles(jsonBefore, jsonAfter);
                render(report);
                diffU(dumpBefore, dumpAfter);
            }
            int repetitions = Math.max(5, parameters.repetitions());
            List<Double> planInMemory = new ArrayList<>();
            List<Double> planOfFiles = new ArrayList<>();
            List<Double> inMemory = new ArrayList<>();
            List<Double> ofFiles = new ArrayList<>();
            List<Double> rendering = new ArrayList<>();
            List<Double> diffU = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                // alternating who goes first evens out drift on a shared machine
                planInMemory.add(planInMemory(after, before));
                planOfFiles.add(planOfFiles(jsonAfter, jsonBefore));
                if (i % 2 == 0) {
                    inMemory.add(diffInMemory(before, after));
                    ofFiles.add(diffOfFiles(jsonBefore, jsonAfter));
                    rendering.add(render(report));
                    diffU.add(diffU(dumpBefore, dumpAfter));
                } else {
                    diffU.add(diffU(dumpBefore, dumpAfter));
                    rendering.add(render(report));
                    ofFiles.add(diffOfFiles(jsonBefore, jsonAfter));
                    inMemory.add(diffInMemory(before, after));
                }
                progress("Repetition %d of %d: SchemaDiff %.1f ms, from files %.1f ms, diff -u %.1f ms", i + 1, repetitions,
                        inMemory.get(i), ofFiles.get(i), diffU.get(i));
            }
            int steps = rollBack(db, after, before);
            return new SchemaDiffReport(parameters, counts, MachineFacts.of(db), report, migration.expectedChanges(), cold,
                    Files.size(jsonBefore), Files.size(dumpBefore), new Samples(inMemory), new Samples(ofFiles),
                    new Samples(rendering), new Samples(diffU), steps, new Samples(planInMemory), new Samples(planOfFiles));
        }
    }

    /**
     * The timed plan checked once on the server: the migrated database taken back to the catalog
     * before the migration in one transaction, after which the diff of the two must be empty.
     * Returns the plan's number of steps.
     */
    private static int rollBack(TestDatabase db, Catalog after, Catalog before) throws SQLException {
        MigrationPlan plan = MigrationPlanner.plan(after, before);
        progress("Running the %d-step plan back to the catalog before the migration", plan.steps().size());
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (MigrationStep step : plan.steps()) {
                    s.execute(step.sql());
                }
            }
            c.commit();
        }
        DiffReport left = SchemaDiff.compare(before, read(db));
        if (!left.isEmpty()) {
            throw new IllegalStateException("the plan back did not reach the catalog before the migration: "
                    + left.summary());
        }
        return plan.steps().size();
    }

    /** {@code MigrationPlanner.plan} of two catalogs in memory, in milliseconds. */
    private static double planInMemory(Catalog from, Catalog to) {
        long start = System.nanoTime();
        MigrationPlan plan = MigrationPlanner.plan(from, to);
        long end = System.nanoTime();
        if (plan.isEmpty()) {
            throw new IllegalStateException("the plan is empty");
        }
        return Samples.millis(end - start);
    }

    /** Reading both {@code catalog.json} files and planning the migration between them, in milliseconds. */
    private static double planOfFiles(Path from, Path to) throws IOException {
        long start = System.nanoTime();
        MigrationPlan plan = MigrationPlanner.plan(readJson(from), readJson(to));
        long end = System.nanoTime();
        if (plan.isEmpty()) {
            throw new IllegalStateException("the plan is empty");
        }
        return Samples.millis(end - start);
    }

    /** {@code SchemaDiff.compare} of two catalogs in memory, in milliseconds. */
    private static double diffInMemory(Catalog before, Catalog after) {
        long start = System.nanoTime();
        DiffReport report = SchemaDiff.compare(before, after);
        long end = System.nanoTime();
        requireChanges(report);
        return Samples.millis(end - start);
    }

    /** Reading both {@code catalog.json} files and diffing them: a diff of two snapshots, in milliseconds. */
    private static double diffOfFiles(Path before, Path after) throws IOException {
        long start = System.nanoTime();
        DiffReport report = SchemaDiff.compare(DiffSide.of("before", readJson(before)), DiffSide.of("after", readJson(after)));
        long end = System.nanoTime();
        requireChanges(report);
        return Samples.millis(end - start);
    }

    /** The text, Markdown and JSON reports, in milliseconds. */
    private static double render(DiffReport report) {
        long start = System.nanoTime();
        int length = report.toText().length() + report.toMarkdown().length() + report.toJson().length();
        long end = System.nanoTime();
        if (length == 0) {
            throw new IllegalStateException("empty reports");
        }
        return Samples.millis(end - start);
    }

    /** {@code diff -u} of the two pg_dump files, from process start to exit, in milliseconds. */
    private static double diffU(Path before, Path after) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("diff", "-u", before.toString(), after.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        int exit = process.waitFor();
        long end = System.nanoTime();
        // diff exits 1 when the files differ, as they must
        if (exit != 1) {
            throw new IllegalStateException("diff -u exited with " + exit);
        }
        return Samples.millis(end - start);
    }

    private static void requireChanges(DiffReport report) {
        if (report.changes().isEmpty()) {
            throw new IllegalStateException("the diff found nothing");
        }
    }

    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }

    private static void write(Catalog catalog, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            CatalogJson.write(catalog, out);
        }
    }

    private static Catalog readJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CatalogJson.read(in);
        }
    }
}
