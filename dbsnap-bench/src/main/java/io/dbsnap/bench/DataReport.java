package io.dbsnap.bench;

import java.util.Locale;

/**
 * The data benchmark's result as Markdown: the two ratios first, then what they were measured on.
 *
 * @param parallel               how many connections the parallel dump ({@code parallelDump}) read through
 * @param smallHeapDumpMillis    a data-only dump in a JVM with a 64 MB heap
 * @param smallHeapRestoreMillis its restore in a JVM with a 64 MB heap
 */
record DataReport(int requestedMegabytes, double generationMillis, MachineFacts machine, long dbsnapFileBytes,
                  long pgDumpFileBytes, Samples dbsnapDump, int parallel, Samples parallelDump, Samples pgDump, Samples dbsnapRestore, Samples psqlRestore,
                  double smallHeapDumpMillis, double smallHeapRestoreMillis, long largestTableBytes) {

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Data benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Data set: 4 tables, %.0f MB of COPY text (pg_dump's file %.0f MB, dbsnap's %.0f MB),"
                + " largest table %.0f MB on disk; generated in %.0f s.%n%n", dbsnapFileBytes / 1048576.0,
                pgDumpFileBytes / 1048576.0, dbsnapFileBytes / 1048576.0, largestTableBytes / 1048576.0, generationMillis / 1000));
        md.append("| work | dbsnap median (ms) | competitor median (ms) | ratio dbsnap ÷ competitor | dbsnap min–max | competitor min–max |\n");
        md.append("|---|---|---|---|---|---|\n");
        row(md, "data-only dump vs `pg_dump --data-only`", dbsnapDump, pgDump);
        row(md, "data-only dump with `parallel(" + parallel + ")` vs `pg_dump --data-only`", parallelDump, pgDump);
        row(md, "restore of pg_dump's file vs `psql -f`", dbsnapRestore, psqlRestore);
        md.append(String.format(Locale.ROOT, "%nMedian of %d runs each, alternating which goes first; below 1 means dbsnap is faster."
                + " dbsnap's dump also counts and SHA-256-hashes every table's rows; its restore is one transaction."
                + " The parallel dump reads up to %d tables at once, each through a connection of its own sharing the dump's"
                + " snapshot, and writes the same script (pg_dump's plain format has no parallel mode).%n%n",
                dbsnapDump.values().size(), parallel));
        md.append(String.format(Locale.ROOT, "With `-Xmx64m` (smaller than the largest table): dump %.0f ms, restore %.0f ms — both succeeded.%n%n",
                smallHeapDumpMillis, smallHeapRestoreMillis));
        md.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.cpu()).append(", ")
                .append(machine.os()).append(", ").append(machine.java()).append("; server: ").append(machine.serverVersion())
                .append(" (").append(machine.server()).append(").\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String work, Samples dbsnap, Samples competitor) {
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | **%.2f** | %.0f–%.0f | %.0f–%.0f |%n", work, dbsnap.median(),
                competitor.median(), dbsnap.median() / competitor.median(), dbsnap.min(), dbsnap.max(), competitor.min(),
                competitor.max()));
    }
}
