package io.dbsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One program run as a user runs it, a process from start to exit, measured as the shell's
 * {@code time} does: wall time by this JVM's clock, CPU time (user + system) and peak resident
 * memory from GNU {@code /usr/bin/time}, which waits for the process and reads its rusage.
 *
 * @param wallMillis from start to exit, in ms
 * @param cpuMillis  user + system CPU of the process and its children, in ms
 * @param maxRssKb   the largest resident set, in KiB
 */
record ProcessRun(double wallMillis, double cpuMillis, long maxRssKb) {

    private static final Path TIME = Path.of("/usr/bin/time");

    /**
     * Runs {@code command} with {@code environment} added to this JVM's, stdin empty, stdout to
     * {@code stdout} (or discarded when null).
     *
     * @throws IllegalStateException when the program fails, with what it printed
     */
    static ProcessRun of(List<String> command, Map<String, String> environment, Path stdout) throws IOException, InterruptedException {
        if (!Files.isExecutable(TIME)) {
            throw new IllegalStateException(TIME + " (GNU time, Debian package 'time') is needed to measure CPU and memory");
        }
        Path times = Files.createTempFile("dbsnap-bench-time", ".txt");
        Path err = Files.createTempFile("dbsnap-bench-err", ".txt");
        try {
            List<String> timed = new ArrayList<>(List.of(TIME.toString(), "-q", "-f", "%U %S %M", "-o", times.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(err.toFile())
                    .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within an hour");
            }
            double wall = Samples.millis(System.nanoTime() - start);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            // the last line: time writes "Command exited with non-zero status" before it on failure
            List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
            String[] fields = lines.get(lines.size() - 1).trim().split(" ");
            double cpu = (Double.parseDouble(fields[0]) + Double.parseDouble(fields[1])) * 1000;
            return new ProcessRun(wall, cpu, Long.parseLong(fields[2]));
        } finally {
            Files.deleteIfExists(times);
            Files.deleteIfExists(err);
        }
    }
}
