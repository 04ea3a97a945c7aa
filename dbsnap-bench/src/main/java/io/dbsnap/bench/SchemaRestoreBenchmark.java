package io.dbsnap.bench;

import static io.dbsnap.bench.BenchOutput.progress;


import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.restore.RestoreResult;
import io.dbsnap.restore.Restorer;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Times dbsnap's restore of a schema-only snapshot (its {@link Restorer}: one transaction, DDL
 * sent in batches) against {@code psql -f} and {@code psql -1 -f} of the same file, each into a
 * fresh empty database, on the generated catalog of the schema-dump benchmark, and writes the
 * ratios to {@code target/bench/schema-restore.md}. Run by the README's command; never part of the
 * tests.
 *
 * <p>Parameters are system properties, see {@link BenchmarkParameters}. Progress goes to stderr,
 * the Markdown table to stdout.
 */
public final class SchemaRestoreBenchmark {

    /** The three ways of running the script, in the order of odd repetitions. */
    enum Contender {
        DBSNAP("dbsnap"), PSQL("psql -f"), PSQL_SINGLE_TRANSACTION("psql -1 -f");

        final String label;

        Contender(String label) {
            this.label = label;
        }
    }

    /**
     * One dbsnap restore in milliseconds: opening the JDBC connection, {@link Restorer#restore}
     * (reading, splitting and running the script, and the commit), and all of it with closing the
     * connection.
     */
    record DbsnapTiming(double connect, double restore, double total, int statements) {
    }

    private SchemaRestoreBenchmark() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        BenchmarkParameters parameters = BenchmarkParameters.fromSystemProperties();
        Files.createDirectories(parameters.outputDir());
        BenchOutput.publish(parameters.outputDir(), "schema-restore.md", run(parameters, PostgresServer.shared()).markdown());
    }

    static SchemaRestoreReport run(BenchmarkParameters parameters, PostgresServer server) throws SQLException, IOException {
        Path script = parameters.outputDir().resolve("dbsnap-schema-snapshot.sql");
        PsqlScript psql = PsqlScript.find();
        try (TestDatabase source = server.createDatabase("bench_restore_src")) {
            progress("Generating %d tables and %d functions in %s", parameters.tables(), parameters.functions(), source);
            long start = System.nanoTime();
            GeneratedCatalog.Counts counts = new GeneratedCatalog(parameters.tables(), parameters.functions()).create(source);
            double generationMillis = Samples.millis(System.nanoTime() - start);
            CatalogCensus census = CatalogCensus.of(source);

            progress("Writing dbsnap's schema-only snapshot to %s", script);
            try (Connection c = source.connect(); OutputStream out = Files.newOutputStream(script)) {
                new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaOnly()).dump(c, out);
            }
            boolean checkpoints = canCheckpoint(source);

            // One untimed run of each first: class loading and JIT for dbsnap, the page cache
            // (the script, psql's binary) and the server's caches for all.
            progress("Warm-up");
            Map<Contender, Double> cold = new EnumMap<>(Contender.class);
            DbsnapTiming coldDbsnap = null;
            for (Contender contender : Contender.values()) {
                Result r = restoreOnce(contender, server, script, psql, census, checkpoints);
                cold.put(contender, r.millis());
                if (r.dbsnap() != null) {
                    coldDbsnap = r.dbsnap();
                }
            }

            List<DbsnapTiming> dbsnap = new ArrayList<>();
            Map<Contender, List<Double>> times = new EnumMap<>(Contender.class);
            for (Contender contender : Contender.values()) {
                times.put(contender, new ArrayList<>());
            }
            List<List<Contender>> orders = new ArrayList<>();
            for (int i = 0; i < parameters.repetitions(); i++) {
                // Odd repetitions run dbsnap, psql, psql -1; even ones the reverse, so that every
                // pair of contenders alternates who goes first (drift in caches, autovacuum, a
                // noisy neighbour falls on each alike).
                List<Contender> order = new ArrayList<>(List.of(Contender.values()));
                if (i % 2 == 1) {
                    Collections.reverse(order);
                }
                orders.add(List.copyOf(order));
                for (Contender contender : order) {
                    Result r = restoreOnce(contender, server, script, psql, census, checkpoints);
                    times.get(contender).add(r.millis());
                    if (r.dbsnap() != null) {
                        dbsnap.add(r.dbsnap());
                    }
                }
                progress("Repetition %d of %d: dbsnap %.0f ms, psql -f %.0f ms, psql -1 -f %.0f ms", i + 1,
                        parameters.repetitions(), times.get(Contender.DBSNAP).get(i), times.get(Contender.PSQL).get(i),
                        times.get(Contender.PSQL_SINGLE_TRANSACTION).get(i));
            }
            return new SchemaRestoreReport(parameters, counts, census, generationMillis, MachineFacts.of(source),
                    psql.version(), DumpFile.of(script), dbsnap, new Samples(times.get(Contender.PSQL)),
                    new Samples(times.get(Contender.PSQL_SINGLE_TRANSACTION)), orders, coldDbsnap, cold, checkpoints);
        }
    }

    /** One timed restore; {@code dbsnap} is set for dbsnap's only. */
    private record Result(double millis, DbsnapTiming dbsnap) {
    }

    /**
     * Restores {@code script} with {@code contender} into a fresh empty database, checks that the
     * target holds the whole catalog, and drops it. Only the restore itself is timed.
     */
    private static Result restoreOnce(Contender contender, PostgresServer server, Path script, PsqlScript psql,
                                      CatalogCensus census, boolean checkpoint) throws SQLException, IOException {
        try (TestDatabase target = server.createDatabase("bench_restore_dst")) {
            if (checkpoint) {
                // Each contender starts with no dirty buffers of the one before it to write back.
                target.execute("CHECKPOINT");
            }
            Result result = switch (contender) {
                case DBSNAP -> {
                    DbsnapTiming t = dbsnapRestore(target, script);
                    yield new Result(t.total(), t);
                }
                case PSQL -> new Result(psql.run(target, script, false), null);
                case PSQL_SINGLE_TRANSACTION -> new Result(psql.run(target, script, true), null);
            };
            census.requireSameIn(target, contender.label);
            return result;
        }
    }

    private static DbsnapTiming dbsnapRestore(TestDatabase target, Path script) throws SQLException {
        long start = System.nanoTime();
        long connected;
        long restored;
        RestoreResult result;
        try (Connection connection = target.connect()) {
            connected = System.nanoTime();
            result = new Restorer().restore(connection, script);
            restored = System.nanoTime();
        }
        long end = System.nanoTime();
        return new DbsnapTiming(Samples.millis(connected - start), Samples.millis(restored - connected),
                Samples.millis(end - start), result.statements());
    }

    /** Whether this role may run CHECKPOINT (a superuser, or pg_checkpoint from PostgreSQL 15 on). */
    private static boolean canCheckpoint(TestDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            return true;
        } catch (SQLException e) {
            progress("CHECKPOINT refused (%s): contenders start without one", e.getMessage());
            return false;
        }
    }
}
