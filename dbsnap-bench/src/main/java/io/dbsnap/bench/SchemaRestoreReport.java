package io.dbsnap.bench;

import io.dbsnap.bench.SchemaRestoreBenchmark.Contender;
import io.dbsnap.bench.SchemaRestoreBenchmark.DbsnapTiming;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The schema-restore benchmark's result as Markdown: the ratios first, then the evidence that the
 * comparison is fair (what was restored, in which order, on what).
 *
 * @param census            what the source holds, and every restore was checked to hold too
 * @param orders            for each repetition, the contenders in the order they ran
 * @param cold              the untimed warm-up of each contender, in milliseconds
 * @param checkpointBefore  whether a CHECKPOINT preceded each restore
 */
record SchemaRestoreReport(BenchmarkParameters parameters, GeneratedCatalog.Counts counts, CatalogCensus census,
                           double generationMillis, MachineFacts machine, String psqlVersion, DumpFile script,
                           List<DbsnapTiming> dbsnap, Samples psql, Samples psqlSingleTransaction,
                           List<List<Contender>> orders, DbsnapTiming coldDbsnap, Map<Contender, Double> cold,
                           boolean checkpointBefore) {

    Samples dbsnapTotals() {
        return phase(DbsnapTiming::total);
    }

    /** median(dbsnap) ÷ median(competitor): below 1 means dbsnap is faster. */
    double ratio(Samples competitor) {
        return dbsnapTotals().median() / competitor.median();
    }

    /** Each repetition's dbsnap time ÷ the competitor's; see {@link Samples#pairedRatios}. */
    Samples pairedRatios(Samples competitor) {
        return dbsnapTotals().pairedRatios(competitor);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        Samples total = dbsnapTotals();
        md.append("# Schema restore: dbsnap vs psql -f\n\n");
        md.append(format("dbsnap's schema-only snapshot of a generated catalog in schema `%s` (%d tables, each with a "
                        + "primary key, a foreign key, a secondary index, a row trigger, row-level security and a "
                        + "policy, and %d functions; created in %.1f s), restored into a fresh empty database by each "
                        + "contender. The script: %s, %d statements sent to the server (what dbsnap's `Restorer` skips"
                        + " not counted).%n%n",
                GeneratedCatalog.SCHEMA, counts.tables(), counts.functions(), generationMillis / 1000,
                size(script.bytes()), dbsnap.get(0).statements()));
        md.append(format("%d timed repetitions of each contender in the same run, after one untimed warm-up of each; "
                + "odd repetitions run dbsnap, psql -f, psql -1 -f, even ones the reverse. Each restore goes into "
                + "a database of its own, created just before it%s and dropped after it; only the restore is timed. "
                + "After each, the target's catalog is counted and must equal the source's (%s), so a failed or "
                + "partial restore cannot look fast.%n%n", parameters.repetitions(),
                checkpointBefore ? " (then a `CHECKPOINT`, so that none inherits dirty buffers of the one before)" : "", describe(census)));

        md.append("| work | dbsnap median ms | competitor median ms | ratio dbsnap ÷ competitor | dbsnap min–max ms "
                + "| competitor min–max ms | per-repetition ratios: median (min–max) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        row(md, "restore vs `psql -X -q -v ON_ERROR_STOP=1 -f` (autocommit, statement by statement)", total, psql);
        row(md, "restore vs `psql -X -q -v ON_ERROR_STOP=1 -1 -f` (one transaction, as dbsnap)", total,
                psqlSingleTransaction);
        md.append("\n");
        md.append(format("**Ratio dbsnap ÷ psql -f (medians): %.2f; dbsnap ÷ psql -1 -f: %.2f** — goal < 1.00 "
                        + "(faster than psql): %s.%n%n", ratio(psql), ratio(psqlSingleTransaction),
                ratio(psql) < 1.0 && ratio(psqlSingleTransaction) < 1.0 ? "met"
                        : ratio(psql) < 1.0 ? "met against psql -f, not against psql -1 -f" : "not met"));
        // Noise on a shared machine only ever adds time: the fastest runs are the least disturbed.
        md.append(format("Fastest ÷ fastest: %.2f against psql -f, %.2f against psql -1 -f.%n%n",
                total.min() / psql.min(), total.min() / psqlSingleTransaction.min()));
        md.append("dbsnap's time runs from opening the JDBC connection to closing it: `new Restorer().restore(connection, "
                + "path)` reads, splits and runs the script in one transaction with DDL in batches, and commits. psql's "
                + "runs from process start to exit.\n\n");
        md.append(format("dbsnap by phase (median ms): connect %.1f, `Restorer.restore` %.1f.%n%n",
                phase(DbsnapTiming::connect).median(), phase(DbsnapTiming::restore).median()));
        // What a short-lived JVM (a CLI run, a test JVM restoring once) sees: class loading, no JIT yet.
        md.append(format("Cold first run (the warm-up, not counted above): dbsnap %.1f ms (connect %.1f), psql -f %.1f ms, "
                        + "psql -1 -f %.1f ms; ratios %.2f and %.2f.%n%n", coldDbsnap.total(), coldDbsnap.connect(),
                cold.get(Contender.PSQL), cold.get(Contender.PSQL_SINGLE_TRANSACTION),
                coldDbsnap.total() / cold.get(Contender.PSQL), coldDbsnap.total() / cold.get(Contender.PSQL_SINGLE_TRANSACTION)));

        md.append("## Repetitions\n\n| # | order | dbsnap ms | psql -f ms | psql -1 -f ms | ÷ psql -f | ÷ psql -1 -f |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < dbsnap.size(); i++) {
            md.append(format("| %d | %s | %.1f | %.1f | %.1f | %.2f | %.2f |%n", i + 1,
                    orders.get(i).stream().map(c -> c.label).collect(Collectors.joining(", ")),
                    dbsnap.get(i).total(), psql.values().get(i), psqlSingleTransaction.values().get(i),
                    pairedRatios(psql).values().get(i), pairedRatios(psqlSingleTransaction).values().get(i)));
        }

        md.append("\n## The script\n\n| statement | count |\n|---|---:|\n");
        for (String kind : DumpFile.kindNames()) {
            md.append(format("| %s | %d |%n", kind, script.statements().get(kind)));
        }
        md.append(format("| file size (bytes) | %d |%n", script.bytes()));

        md.append("\n## Machine and parameters\n\n");
        md.append(format("- CPU: %d cores available to the JVM (%s); %s%n", machine.cores(), machine.cpu(), machine.os()));
        md.append(format("- Java: %s, max heap %d MB%n", machine.java(), machine.maxHeapBytes() / (1024 * 1024)));
        md.append(format("- Server: %s (%s)%n", machine.serverVersion(), machine.server()));
        md.append(format("- psql: %s%n", psqlVersion));
        md.append(format("- Parameters: -Dbench.tables=%d -Dbench.functions=%d -Dbench.repetitions=%d%n",
                parameters.tables(), parameters.functions(), parameters.repetitions()));
        md.append(format("- Run at: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return md.toString();
    }

    private void row(StringBuilder md, String work, Samples dbsnapTotal, Samples competitor) {
        Samples paired = pairedRatios(competitor);
        md.append(format("| %s | %.1f | %.1f | **%.2f** | %.1f–%.1f | %.1f–%.1f | %.2f (%.2f–%.2f) |%n", work,
                dbsnapTotal.median(), competitor.median(), ratio(competitor), dbsnapTotal.min(), dbsnapTotal.max(),
                competitor.min(), competitor.max(), paired.median(), paired.min(), paired.max()));
    }

    private static String describe(CatalogCensus c) {
        return format("%d tables, %d indexes, %d constraints, %d triggers, %d policies, %d functions", c.tables(),
                c.indexes(), c.constraints(), c.triggers(), c.policies(), c.functions());
    }

    private Samples phase(ToDoubleFunction<DbsnapTiming> phase) {
        return new Samples(dbsnap.stream().map(t -> phase.applyAsDouble(t)).toList());
    }

    private static String size(long bytes) {
        return format("%.1f kB", bytes / 1024.0);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
