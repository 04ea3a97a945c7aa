package io.dbsnap.bench;

import java.util.List;
import java.util.Locale;

/**
 * The command-line benchmark's result as Markdown: one row per piece of work, dbsnap's process
 * against the competitor's, with the goal of issue 23 and whether it is met.
 */
record CliReport(List<Row> rows, MachineFacts machine, int repetitions, String javaOpts, String loadBefore,
                 String loadAfter) {

    /** The runs of one contender. */
    record Measured(List<ProcessRun> runs) {

        Samples wall() {
            return new Samples(runs.stream().map(ProcessRun::wallMillis).toList());
        }

        Samples cpu() {
            return new Samples(runs.stream().map(ProcessRun::cpuMillis).toList());
        }

        long maxRssMb() {
            return runs.stream().mapToLong(ProcessRun::maxRssKb).max().orElse(0) / 1024;
        }
    }

    /**
     * @param competitor null for dbsnap alone
     * @param goal       the largest ratio dbsnap ÷ competitor the issue asks for, or null
     */
    record Row(String work, String competitorName, Measured dbsnap, Measured competitor, Double goal) {

        double ratio() {
            return dbsnap.wall().pairedRatios(competitor.wall()).median();
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Command-line benchmark\n\n");
        md.append("| work | dbsnap wall | dbsnap CPU | dbsnap RSS | competitor | its wall | its CPU | its RSS | ratio | goal |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.work()).append(" | ").append(seconds(row.dbsnap().wall().median())).append(" | ")
                    .append(seconds(row.dbsnap().cpu().median())).append(" | ").append(megabytes(row.dbsnap())).append(" | ");
            if (row.competitor() == null) {
                md.append("— | | | | | |\n");
                continue;
            }
            double ratio = row.ratio();
            md.append(row.competitorName()).append(" | ").append(seconds(row.competitor().wall().median())).append(" | ")
                    .append(seconds(row.competitor().cpu().median())).append(" | ").append(megabytes(row.competitor()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ")
                    .append(row.goal() == null ? "" : String.format(Locale.ROOT, "≤ %.1f× %s", row.goal(),
                            ratio <= row.goal() ? "met" : "not met")).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%nWall and CPU (user + system) are medians of %d runs, RSS the largest; the ratio"
                + " is the median of each run's dbsnap ÷ competitor wall time, the two run back to back, alternating which"
                + " goes first. Every restore is checked table by table against the source's row counts.%n%n", repetitions));
        md.append("JAVA_OPTS: ").append(javaOpts.isBlank() ? "(none)" : "`" + javaOpts + "`").append(". Load average (1, 5, 15 min)"
                + " before: ").append(loadBefore).append(", after: ").append(loadAfter).append(".\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.cpu()).append(", ")
                .append(machine.os()).append(", ").append(machine.java()).append("; server: ").append(machine.serverVersion())
                .append(" (").append(machine.server()).append(").\n");
        return md.toString();
    }

    private static String seconds(double millis) {
        return Double.isNaN(millis) ? "—" : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    private static String megabytes(Measured measured) {
        long mb = measured.maxRssMb();
        return mb == 0 ? "—" : mb + " MB";
    }
}
