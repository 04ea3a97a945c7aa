package io.dbsnap.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion and keeps its combined output. */
final class Command {

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Command() {
    }

    /**
     * Runs {@code command} in {@code workDir}. Output goes to a file rather than a pipe because
     * {@code pg_ctl start} leaves a server running that could otherwise hold the pipe open.
     */
    static Result run(List<String> command, Path workDir, Duration timeout) throws IOException {
        Path output = Files.createTempFile("dbsnap-cmd", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds()
                        + " s: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
