package io.dbsnap.bench;

import static io.dbsnap.bench.BenchOutput.progress;


import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times dbsnap's in-process schema dump against {@code pg_dump --schema-only} on a generated
 * catalog of thousands of tables and functions, and writes the ratio to
 * {@code target/bench/schema-dump.md}. Run by the README's command; never part of the tests.
 *
 * <p>Parameters are system properties, see {@link BenchmarkParameters}. Progress goes to stderr,
 * the Markdown table to stdout.
 */
public final class SchemaDumpBenchmark {

    private SchemaDumpBenchmark() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        BenchmarkParameters parameters = BenchmarkParameters.fromSystemProperties();
        Files.createDirectories(parameters.outputDir());
        BenchOutput.publish(parameters.outputDir(), "schema-dump.md", run(parameters, PostgresServer.shared()).markdown());
    }

    static SchemaDumpReport run(BenchmarkParameters parameters, PostgresServer server) throws SQLException, IOException {
        Path dbsnapOut = parameters.outputDir().resolve("dbsnap-schema.sql");
        Path pgDumpOut = parameters.outputDir().resolve("pg_dump-schema.sql");
        try (TestDatabase db = server.createDatabase("bench_schema_dump")) {
            progress("Generating %d tables and %d functions in %s", parameters.tables(), parameters.functions(), db);
            long start = System.nanoTime();
            GeneratedCatalog.Counts counts = new GeneratedCatalog(parameters.tables(), parameters.functions()).create(db);
            double generationMillis = Samples.millis(System.nanoTime() - start);

            // One untimed run of each first: class loading and JIT for dbsnap, the page cache
            // and the server's catalog caches for both.
            progress("Warm-up");
            DbsnapDump.Timing coldDbsnap = DbsnapDump.run(db, dbsnapOut);
            double coldPgDump = pgDump(db, pgDumpOut);
            DumpFile.of(dbsnapOut).requireSameStatementsAs(DumpFile.of(pgDumpOut), "the warm-up");

            List<DbsnapDump.Timing> dbsnap = new ArrayList<>();
            List<Double> pgDump = new ArrayList<>();
            List<Boolean> dbsnapFirst = new ArrayList<>();
            for (int i = 0; i < parameters.repetitions(); i++) {
                // Alternating who goes first evens out drift (caches, autovacuum, a noisy neighbour).
                boolean first = i % 2 == 0;
                dbsnapFirst.add(first);
                if (first) {
                    dbsnap.add(DbsnapDump.run(db, dbsnapOut));
                    pgDump.add(pgDump(db, pgDumpOut));
                } else {
                    pgDump.add(pgDump(db, pgDumpOut));
                    dbsnap.add(DbsnapDump.run(db, dbsnapOut));
                }
                // every timed pair is checked: a fast dump that left statements out fails the benchmark
                DumpFile.of(dbsnapOut).requireSameStatementsAs(DumpFile.of(pgDumpOut), "repetition " + (i + 1));
                progress("Repetition %d of %d: dbsnap %.0f ms, pg_dump %.0f ms", i + 1, parameters.repetitions(),
                        dbsnap.get(i).total(), pgDump.get(i));
            }
            progress("Profiling dbsnap's catalog queries");
            List<QueryProfile.Query> queries = QueryProfile.of(db);
            writeQueries(queries, parameters.outputDir().resolve("dbsnap-queries.sql"));
            return new SchemaDumpReport(parameters, counts, generationMillis, MachineFacts.of(db), dbsnap,
                    new Samples(pgDump), dbsnapFirst, coldDbsnap, coldPgDump, DumpFile.of(dbsnapOut),
                    DumpFile.of(pgDumpOut), queries);
        }
    }

    /** {@code pg_dump --schema-only} into {@code file}, in milliseconds from process start to exit. */
    private static double pgDump(TestDatabase db, Path file) {
        long start = System.nanoTime();
        PgDump.toFile(db, file, "--schema-only");
        return Samples.millis(System.nanoTime() - start);
    }

    /**
     * The profiled queries, slowest first, runnable in psql for {@code EXPLAIN ANALYZE}: the schema
     * filter's parameters are bound as {@link io.dbsnap.dumper.CatalogReader#allSchemas()} binds them.
     */
    private static void writeQueries(List<QueryProfile.Query> queries, Path file) throws IOException {
        StringBuilder sql = new StringBuilder();
        for (QueryProfile.Query q : queries) {
            sql.append(String.format(Locale.ROOT, "-- %s: %.1f ms execute, %.1f ms rows, %d rows%n%s;%n%n",
                    q.reader(), q.executeMillis(), q.rowsMillis(), q.rows(), q.sql().replace("?::text[]", "'{}'::text[]")));
        }
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
}
