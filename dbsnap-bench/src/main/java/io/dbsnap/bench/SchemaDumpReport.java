package io.dbsnap.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The schema-dump benchmark's result as Markdown: the ratio first, then the evidence that it is
 * a fair comparison (what was dumped, in which order, on what).
 *
 * @param dbsnapFirst for each repetition, whether dbsnap ran before pg_dump in it
 * @param queries     dbsnap's catalog queries in one profiled read, slowest first
 */
record SchemaDumpReport(BenchmarkParameters parameters, GeneratedCatalog.Counts counts, double generationMillis,
                        MachineFacts machine, List<DbsnapDump.Timing> dbsnap, Samples pgDump, List<Boolean> dbsnapFirst,
                        DbsnapDump.Timing coldDbsnap, double coldPgDump, DumpFile dbsnapFile, DumpFile pgDumpFile,
                        List<QueryProfile.Query> queries) {

    Samples dbsnapTotals() {
        return phase(DbsnapDump.Timing::total);
    }

    /** median(dbsnap) ÷ median(pg_dump): below 1 means dbsnap is faster. */
    double ratio() {
        return dbsnapTotals().median() / pgDump.median();
    }

    /** Each repetition's dbsnap time ÷ its pg_dump time; see {@link Samples#pairedRatios}. */
    Samples pairedRatios() {
        return dbsnapTotals().pairedRatios(pgDump);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        Samples total = dbsnapTotals();
        md.append("# Schema dump: dbsnap vs pg_dump --schema-only\n\n");
        md.append(format("Generated catalog in schema `%s`: %d tables (each with a primary key, a foreign key, "
                        + "a secondary index, a row trigger, row-level security and a policy) and %d functions, "
                        + "created in %.1f s. Counted in pg_catalog: %d tables, %d primary keys, %d foreign keys, "
                        + "%d secondary indexes, %d triggers, %d policies, %d functions (+ the trigger function).\n\n",
                GeneratedCatalog.SCHEMA, parameters.tables(), parameters.functions(), generationMillis / 1000,
                counts.tables(), counts.primaryKeys(), counts.foreignKeys(), counts.secondaryIndexes(),
                counts.triggers(), counts.policies(), counts.functions()));
        md.append(format("%d timed repetitions of each contender on the same database in the same run, after one "
                + "untimed warm-up of each, in alternating order (dbsnap first in odd repetitions, pg_dump first "
                + "in even ones).\n\n", parameters.repetitions()));

        md.append("| contender | median ms | min ms | max ms | output |\n|---|---:|---:|---:|---:|\n");
        md.append(format("| dbsnap: connect + `CatalogReader.read` + `DdlWriter.write` to a file | %.1f | %.1f | %.1f | %s |%n",
                total.median(), total.min(), total.max(), size(dbsnapFile.bytes())));
        md.append(format("| `pg_dump --schema-only --file` (process start to exit) | %.1f | %.1f | %.1f | %s |%n%n",
                pgDump.median(), pgDump.min(), pgDump.max(), size(pgDumpFile.bytes())));
        md.append(format("**Ratio dbsnap ÷ pg_dump (medians): %.2f** — goal ≤ 1.00: %s.%n%n", ratio(),
                ratio() <= 1.0 ? "met" : "not met"));
        // Noise on a shared machine only ever adds time: the fastest runs are the least disturbed.
        md.append(format("Steadier on a busy machine: median of the per-repetition ratios %.2f (range %.2f–%.2f); "
                        + "fastest ÷ fastest %.2f.%n%n", pairedRatios().median(), pairedRatios().min(),
                pairedRatios().max(), total.min() / pgDump.min()));
        md.append(format("dbsnap by phase (median ms): connect %.1f, `CatalogReader.read` %.1f, "
                        + "`DdlWriter.write` (plan and write) %.1f.%n%n", phase(DbsnapDump.Timing::connect).median(),
                phase(DbsnapDump.Timing::read).median(), phase(DbsnapDump.Timing::write).median()));
        // What a short-lived JVM (a CLI run, a test JVM taking one snapshot) sees: class loading, no JIT yet.
        md.append(format("Cold first run (the warm-up, not counted above): dbsnap %.1f ms (connect %.1f, read %.1f, "
                        + "write %.1f), pg_dump %.1f ms; ratio %.2f.%n%n", coldDbsnap.total(), coldDbsnap.connect(),
                coldDbsnap.read(), coldDbsnap.write(), coldPgDump, coldDbsnap.total() / coldPgDump));

        md.append("## Repetitions\n\n| # | first | dbsnap ms | connect | read | write | pg_dump ms | ratio |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < dbsnap.size(); i++) {
            DbsnapDump.Timing t = dbsnap.get(i);
            md.append(format("| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |%n", i + 1,
                    dbsnapFirst.get(i) ? "dbsnap" : "pg_dump", t.total(), t.connect(), t.read(), t.write(),
                    pgDump.values().get(i), pairedRatios().values().get(i)));
        }

        md.append("\n## Statements in the two dumps\n\nChecked after the warm-up and every repetition (the benchmark"
                + " fails otherwise): the same count of each kind, except owners, which pg_dump writes and dbsnap's"
                + " default dump leaves out.\n\n| statement | dbsnap | pg_dump |\n|---|---:|---:|\n");
        for (String kind : DumpFile.kindNames()) {
            md.append(format("| %s | %d | %d |%n", kind, dbsnapFile.statements().get(kind),
                    pgDumpFile.statements().get(kind)));
        }
        md.append(format("| file size (bytes) | %d | %d |%n", dbsnapFile.bytes(), pgDumpFile.bytes()));

        md.append("\n## dbsnap's catalog queries\n\n");
        md.append("Two more `CatalogReader.read`s on one connection after the timed runs, through a timing JDBC proxy; the second one, slowest query first. "
                + "*execute*: `executeQuery` (server work and transfer); *rows*: walking the rows (mapping in Java). "
                + "The SQL is in `dbsnap-queries.sql` beside this file.\n\n");
        md.append("| reader | execute ms | rows ms | rows |\n|---|---:|---:|---:|\n");
        for (QueryProfile.Query q : queries) {
            md.append(format("| %s | %.1f | %.1f | %d |%n", q.reader(), q.executeMillis(), q.rowsMillis(), q.rows()));
        }
        md.append(format("| all %d queries | %.1f | %.1f | |%n", queries.size(),
                queries.stream().mapToDouble(QueryProfile.Query::executeMillis).sum(),
                queries.stream().mapToDouble(QueryProfile.Query::rowsMillis).sum()));

        md.append("\n## Machine and parameters\n\n");
        md.append(format("- CPU: %d cores available to the JVM (%s); %s%n", machine.cores(), machine.cpu(), machine.os()));
        md.append(format("- Java: %s, max heap %d MB%n", machine.java(), machine.maxHeapBytes() / (1024 * 1024)));
        md.append(format("- Server: %s (%s)%n", machine.serverVersion(), machine.server()));
        md.append(format("- pg_dump: %s%n", pgDumpFile.pgDumpVersion().orElse("unknown")));
        md.append(format("- Parameters: -Dbench.tables=%d -Dbench.functions=%d -Dbench.repetitions=%d%n",
                parameters.tables(), parameters.functions(), parameters.repetitions()));
        md.append(format("- Run at: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return md.toString();
    }

    private Samples phase(ToDoubleFunction<DbsnapDump.Timing> phase) {
        return new Samples(dbsnap.stream().map(t -> phase.applyAsDouble(t)).toList());
    }

    private static String size(long bytes) {
        return format("%.1f kB", bytes / 1024.0);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
