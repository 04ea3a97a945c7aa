package io.dbsnap.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the current class path in a JVM of its own — to prove that something
 * streams, with a heap smaller than the data it moves. Secrets go in the environment, never on
 * the command line where any process listing shows them.
 */
public final class ChildJvm {

    /** How the child ended: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /**
     * Starts the child and returns at once, for a test that must act while it runs (kill it).
     *
     * @param output the file the child's output and errors go to
     */
    public static Process start(String jvmOption, Class<?> mainClass, Map<String, String> environment, Path output,
                                String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jvmOption, "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * @param jvmOption   for example {@code -Xmx32m}
     * @param environment added to this JVM's environment
     * @throws IllegalStateException when the child does not end within {@code timeout}
     */
    public static Result run(String jvmOption, Class<?> mainClass, Map<String, String> environment, Duration timeout,
                             String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("dbsnap-child-", ".log");
        try {
            Process process = start(jvmOption, mainClass, environment, log, args);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass.getSimpleName() + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
