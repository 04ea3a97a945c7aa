package io.dbsnap.bench;

import static java.lang.String.format;

import io.dbsnap.diff.DiffReport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The schema-diff benchmark's result as Markdown: the medians and the ratio to {@code diff -u}
 * first, then what was compared and on what.
 *
 * @param report          the diff the timed runs computed
 * @param expectedChanges what the migration changed, which the diff was checked to find
 * @param coldMillis      the very first {@code SchemaDiff.compare} in the JVM, untimed in the table
 * @param jsonBytes       the size of the first catalog's {@code catalog.json}
 * @param dumpBytes       the size of the first pg_dump file
 * @param inMemory        {@code SchemaDiff.compare} of the two catalogs in memory
 * @param ofFiles         reading the two {@code catalog.json} files and comparing them
 * @param rendering       the text, Markdown and JSON reports together
 * @param diffU           {@code diff -u} of the two {@code pg_dump --schema-only} files
 * @param planSteps       the steps of the migration plan from after back to before, run once on
 *                        the server and checked to reach the catalog before (the diff then empty)
 * @param planInMemory    {@code MigrationPlanner.plan} from after back to before, catalogs in memory
 * @param planOfFiles     the same from the two {@code catalog.json} files, reading included
 */
record SchemaDiffReport(BenchmarkParameters parameters, GeneratedCatalog.Counts counts, MachineFacts machine,
                        DiffReport report, int expectedChanges, double coldMillis, long jsonBytes, long dumpBytes, Samples inMemory,
                        Samples ofFiles, Samples rendering, Samples diffU, int planSteps, Samples planInMemory,
                        Samples planOfFiles) {

    /** The goal of issue 7: the diff of two 2,000-table catalogs well under a second. */
    private static final double GOAL_MILLIS = 1000;

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Schema diff: dbsnap's SchemaDiff vs diff -u of two pg_dump files\n\n");
        md.append(format("The generated catalog in schema `%s` (%d tables, each with a primary key, a foreign key, a "
                        + "secondary index, a row trigger, row-level security and a policy, and %d functions), read "
                        + "before and after a migration that adds a column to every 10th table, changes a default on "
                        + "every 25th, drops the policy of every 50th, disables the trigger of every 40th, changes the "
                        + "cost of every 10th function and adds 20 tables. The diff found %d changes, as many as the "
                        + "migration made (%d): %s.%n%n", GeneratedCatalog.SCHEMA, counts.tables(), counts.functions(),
                report.changes().size(), expectedChanges, report.summary()));
        md.append(format("%d timed repetitions after %d untimed warm-ups in the same JVM; odd repetitions run dbsnap "
                        + "first, even ones `diff -u` first. The competitor is what the README says users do today: "
                        + "`diff -u` of two `pg_dump --schema-only` files (%s each), from process start to exit.%n%n",
                inMemory.values().size(), SchemaDiffBenchmark.WARM_UP, size(dumpBytes)));
        md.append("| work | median ms | min–max ms | ratio to `diff -u` (medians) |\n|---|---:|---:|---:|\n");
        row(md, "`SchemaDiff.compare(before, after)`, catalogs in memory", inMemory);
        row(md, format("the same from two `catalog.json` files (%s each), reading included", size(jsonBytes)), ofFiles);
        row(md, "text + Markdown + JSON reports of the diff", rendering);
        row(md, "`diff -u` of the two pg_dump files", diffU);
        row(md, format("`MigrationPlanner.plan(after, before)`: the %d steps back, catalogs in memory", planSteps),
                planInMemory);
        row(md, "the same plan from the two `catalog.json` files, reading included", planOfFiles);
        md.append("\n");
        md.append(format("**Migration plan back over the same catalogs: median %.1f ms in memory, %.1f ms from the files**"
                        + " — goal well under %.0f ms: %s. The plan was run once on the server in one transaction; the"
                        + " diff of the result and the catalog before the migration was then empty.%n%n",
                planInMemory.median(), planOfFiles.median(), GOAL_MILLIS,
                planOfFiles.median() < GOAL_MILLIS / 4 ? "met" : planOfFiles.median() < GOAL_MILLIS
                        ? "under, but not well under" : "not met"));
        md.append(format("**SchemaDiff of two %d-table catalogs: median %.1f ms** — goal well under %.0f ms: %s. "
                        + "From the files, reading included: %.1f ms. The first diff in a fresh JVM (class loading, "
                        + "no JIT yet, as a CLI run sees it): %.1f ms.%n%n", counts.tables(), inMemory.median(), GOAL_MILLIS,
                inMemory.median() < GOAL_MILLIS / 4 ? "met" : inMemory.median() < GOAL_MILLIS ? "under, but not well under"
                        : "not met", ofFiles.median(), coldMillis));

        md.append("## Repetitions\n\n| # | SchemaDiff ms | from files ms | reports ms | diff -u ms |\n|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < inMemory.values().size(); i++) {
            md.append(format("| %d | %.1f | %.1f | %.1f | %.1f |%n", i + 1, inMemory.values().get(i), ofFiles.values().get(i),
                    rendering.values().get(i), diffU.values().get(i)));
        }
        md.append("\n## Machine and parameters\n\n");
        md.append(format("- CPU: %d cores available to the JVM (%s); %s%n", machine.cores(), machine.cpu(), machine.os()));
        md.append(format("- Java: %s, max heap %d MB%n", machine.java(), machine.maxHeapBytes() / (1024 * 1024)));
        md.append(format("- Server: %s (%s)%n", machine.serverVersion(), machine.server()));
        md.append(format("- Parameters: -Dbench.tables=%d -Dbench.functions=%d -Dbench.repetitions=%d%n",
                parameters.tables(), parameters.functions(), parameters.repetitions()));
        md.append(format("- Run at: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return md.toString();
    }

    private void row(StringBuilder md, String work, Samples samples) {
        md.append(format("| %s | %.1f | %.1f–%.1f | %.2f |%n", work, samples.median(), samples.min(), samples.max(),
                samples.median() / diffU.median()));
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? format("%.1f MB", bytes / (1024.0 * 1024)) : format("%.0f kB", bytes / 1024.0);
    }
}
