package io.dbsnap.bench;

import java.nio.file.Path;

/**
 * What the schema-dump benchmark runs on, from system properties ({@code -Dbench.tables=500} on
 * the Maven or java command line).
 *
 * @param tables      tables in the generated catalog ({@code bench.tables}, default 2000)
 * @param functions   functions in the generated catalog ({@code bench.functions}, default 1000)
 * @param repetitions timed runs of each contender ({@code bench.repetitions}, default 5)
 * @param outputDir   where the dumps and the report go ({@code bench.output}, default target/bench)
 */
record BenchmarkParameters(int tables, int functions, int repetitions, Path outputDir) {

    BenchmarkParameters {
        if (tables < 1 || functions < 0 || repetitions < 1) {
            throw new IllegalArgumentException("need at least 1 table and 1 repetition, and no negative counts: "
                    + "tables=" + tables + ", functions=" + functions + ", repetitions=" + repetitions);
        }
    }

    static BenchmarkParameters fromSystemProperties() {
        return new BenchmarkParameters(
                Integer.getInteger("bench.tables", 2000),
                Integer.getInteger("bench.functions", 1000),
                Integer.getInteger("bench.repetitions", 5),
                Path.of(System.getProperty("bench.output", "target/bench")));
    }
}
